"""Seminar programme blocks: time slots with their speakers."""

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import RICH_TEXT_FEATURES


class TimeSlotBlock(blocks.StructBlock):
    starts = blocks.TimeBlock(label="Début", format="%H:%M")
    ends = blocks.TimeBlock(label="Fin", required=False, format="%H:%M")
    title = blocks.CharBlock(label="Intitulé", max_length=250)
    description = blocks.RichTextBlock(label="Description", features=RICH_TEXT_FEATURES, required=False)
    speakers = blocks.ListBlock(SnippetChooserBlock("trainings.Speaker"), label="Intervenants", default=[])

    class Meta:
        icon = "time"
        label = "Créneau"
        template = "blocks/time_slot_block.html"
        description = "Un créneau du programme : horaires, intitulé, intervenants."


class BreakBlock(blocks.StructBlock):
    starts = blocks.TimeBlock(label="Début", format="%H:%M")
    ends = blocks.TimeBlock(label="Fin", required=False, format="%H:%M")
    title = blocks.CharBlock(label="Intitulé", max_length=120, default="Pause")

    class Meta:
        icon = "pick"
        label = "Pause"
        template = "blocks/break_block.html"


class ProgrammeStreamBlock(blocks.StreamBlock):
    slot = TimeSlotBlock()
    pause = BreakBlock()

    class Meta:
        label = "Programme"
