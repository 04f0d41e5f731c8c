"""Many webinars for benchmarks (``generate_bench_data``): past recordings with captions,
a full transcript and chapters, spread over six years."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from demo.bench.library import sentence
from demo.builders.common import ensure_page, get_home_page
from home.models import Audience, Theme
from trainings.models import Speaker
from webinars.models import WebinarChapter, WebinarIndexPage, WebinarPage


def captions(rng, cues=60):
    lines = ["WEBVTT", ""]
    for number in range(cues):
        start = number * 10
        lines += [
            f"{start // 3600:02d}:{start // 60 % 60:02d}:{start % 60:02d}.000 --> "
            f"{(start + 9) // 3600:02d}:{(start + 9) // 60 % 60:02d}:{(start + 9) % 60:02d}.000",
            sentence(rng, 10),
            "",
        ]
    return "\n".join(lines)


def build(count=200, seed=2026):
    """Create ``count`` webinars ``webinaire-bench-<n>`` (skipped if they exist)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible fake data, not security
    index = ensure_page(get_home_page(), WebinarIndexPage, "webinaires", title="Webinaires")
    existing = WebinarPage.objects.child_of(index).filter(slug__startswith="webinaire-bench-").count()
    if existing >= count:
        return existing
    themes, audiences = list(Theme.objects.all()), list(Audience.objects.all())
    speakers = list(Speaker.objects.all())
    now = timezone.now().replace(hour=14, minute=0, second=0, microsecond=0)
    chapters = []
    with transaction.atomic():
        for number in range(existing, count):
            page = WebinarPage(
                title=f"{sentence(rng, 5)[:-1]} (webinaire {number})",
                slug=f"webinaire-bench-{number}",
                intro=sentence(rng, 20),
                date=now - datetime.timedelta(days=rng.randrange(1, 6 * 365)),
                duration_minutes=rng.choice([45, 60, 90]),
                external_video_url=f"https://www.youtube.com/watch?v=bench{number:06d}",
                captions=captions(rng),
                transcript="".join(f"<p>{sentence(rng, 40)}</p>" for _ in range(30)),
                live=True,
                has_unpublished_changes=False,
            )
            page.themes.set(rng.sample(themes, min(2, len(themes))))
            page.audiences.set(rng.sample(audiences, min(2, len(audiences))))
            if speakers:
                page.speakers.set(rng.sample(speakers, min(2, len(speakers))))
            index.add_child(instance=page)
            chapters += [
                WebinarChapter(
                    page=page, sort_order=order, start=f"{order * 5:02d}:00", title=sentence(rng, 4)
                )
                for order in range(6)
            ]
        WebinarChapter.objects.bulk_create(chapters)
    return count
