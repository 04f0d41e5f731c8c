"""Render deploy/nginx/portal.conf, and run nginx from it in the foreground.

    python scripts/nginx_conf.py render --listen 8080 --upstream 127.0.0.1:8000 \\
        --cache-dir /var/cache/nginx/portal --static-root var/static [--media-root var/media]
    python scripts/nginx_conf.py run --listen 8080 --upstream 127.0.0.1:8000 --prefix /tmp/portal-nginx

``run`` writes the configuration under the prefix directory and runs ``nginx -p <prefix>
-c <prefix>/nginx.conf -g 'daemon off; ...'`` (no system service). Tests and the benchmark
import ``render`` and ``NginxProcess`` (needs Debian's nginx and
libnginx-mod-http-cache-purge; ``missing()`` says what is absent)."""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "deploy" / "nginx" / "portal.conf"
PURGE_MODULE_CANDIDATES = [
    Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so"),
    Path("/usr/share/nginx/modules/ngx_http_cache_purge_module.so"),
]
MIME_TYPES = Path("/etc/nginx/mime.types")


def find_nginx():
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None)


def find_purge_module():
    return next((path for path in PURGE_MODULE_CANDIDATES if path.exists()), None)


def missing():
    """What is missing to run the cache, in French (empty string: nothing)."""
    absent = []
    if not find_nginx():
        absent.append("nginx")
    if not find_purge_module():
        absent.append("libnginx-mod-http-cache-purge")
    if absent:
        return (
            "paquets Debian absents : "
            + ", ".join(absent)
            + " (apt-get install nginx libnginx-mod-http-cache-purge)"
        )
    return ""


def render(
    listen,
    upstreams,
    cache_dir,
    static_root,
    media_root=None,
    purge_allow="127.0.0.1",
    access_log="off",
    worker_processes="auto",
    cache_max_size="1g",
    user=None,
):
    """The configuration text: the template with its placeholders filled."""
    purge_module = find_purge_module() or PURGE_MODULE_CANDIDATES[0]
    values = {
        "purge_module": str(purge_module),
        "user_directive": f"user {user};" if user else "",
        "worker_processes": str(worker_processes),
        "mime_types": str(MIME_TYPES),
        "access_log": str(access_log),
        "cache_dir": str(cache_dir),
        "cache_max_size": str(cache_max_size),
        "upstream_servers": "\n".join(f"        server {upstream};" for upstream in upstreams),
        "listen": str(listen),
        "static_root": str(Path(static_root)).rstrip("/"),
        "media_root": str(Path(media_root or Path(static_root).parent / "media")).rstrip("/"),
        "purge_allow": purge_allow,
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", value)
    if left := re.findall(r"\{\{[a-z_]+\}\}", text):
        raise ValueError(f"placeholders left unfilled in {TEMPLATE}: {left}")
    return text


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NginxProcess:
    """nginx in the foreground from a rendered portal.conf, in its own prefix directory.

    with NginxProcess(upstreams=["127.0.0.1:8000"], static_root=...) as nginx:
        nginx.url  # http://127.0.0.1:<port>
    """

    def __init__(self, upstreams, static_root, prefix=None, port=None, host="127.0.0.1", **render_options):
        self.host = host
        # Listening on every interface: reach it through the loopback.
        self.connect_host = "127.0.0.1" if host in ("0.0.0.0", "*") else host  # noqa: S104
        self.port = port or free_port()
        self.prefix = Path(prefix or tempfile.mkdtemp(prefix="portal-nginx-"))
        self.owns_prefix = prefix is None
        self.url = f"http://{self.connect_host}:{self.port}"
        self.upstreams = upstreams
        self.static_root = static_root
        self.render_options = render_options
        self.process = None

    def start(self, timeout=10):
        (self.prefix / "logs").mkdir(parents=True, exist_ok=True)
        cache_dir = self.prefix / "cache"
        cache_dir.mkdir(exist_ok=True)
        options = dict(self.render_options)
        # As root, nginx's workers would run as "nobody", unable to write the cache here.
        if os.geteuid() == 0:
            options.setdefault("user", "root")
        conf = self.prefix / "nginx.conf"
        conf.write_text(
            render(f"{self.host}:{self.port}", self.upstreams, cache_dir, self.static_root, **options),
            encoding="utf-8",
        )
        self.error_log = self.prefix / "logs" / "error.log"
        globals_ = f"daemon off; master_process on; pid {self.prefix / 'nginx.pid'}; error_log {self.error_log} warn;"
        self.process = subprocess.Popen(  # noqa: S603 - fixed binary, our own arguments
            [find_nginx(), "-p", str(self.prefix), "-c", str(conf), "-g", globals_],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    "nginx n'a pas démarré : " + self.process.stderr.read().decode(errors="replace")
                )
            try:
                with socket.create_connection((self.connect_host, self.port), timeout=0.2):
                    return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"nginx n'écoute pas sur le port {self.port} après {timeout} s")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # graceful: workers finish, then exit
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process is not None and self.process.stderr:
            self.process.stderr.close()
        if self.owns_prefix:
            shutil.rmtree(self.prefix, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("render", "run"):
        command = commands.add_parser(name)
        command.add_argument("--listen", default="8080", help="adresse d'écoute (port ou hôte:port)")
        command.add_argument(
            "--upstream", action="append", default=[], help="serveur d'application hôte:port (répétable)"
        )
        command.add_argument("--static-root", default=str(ROOT / "var" / "static"))
        command.add_argument("--media-root", default=None)
        command.add_argument("--purge-allow", default="127.0.0.1", help="adresses autorisées à purger")
        command.add_argument("--access-log", default="off", help="chemin du journal d'accès, ou off")
        command.add_argument("--workers", default="auto")
        command.add_argument("--cache-max-size", default="1g")
        command.add_argument("--user", default=None)
        if name == "render":
            command.add_argument("--cache-dir", default="/var/cache/nginx/portal")
        else:
            command.add_argument("--prefix", default=None, help="répertoire de travail (défaut : temporaire)")
    args = parser.parse_args(argv)
    upstreams = args.upstream or ["127.0.0.1:8000"]
    options = {
        "media_root": args.media_root,
        "purge_allow": args.purge_allow,
        "access_log": args.access_log,
        "worker_processes": args.workers,
        "cache_max_size": args.cache_max_size,
    }
    if args.user:
        options["user"] = args.user
    if args.command == "render":
        sys.stdout.write(render(args.listen, upstreams, args.cache_dir, args.static_root, **options))
        return 0
    if problem := missing():
        sys.exit(problem)
    host, _, port = args.listen.rpartition(":")
    nginx = NginxProcess(
        upstreams, args.static_root, prefix=args.prefix, port=int(port), host=host or "127.0.0.1", **options
    )

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    nginx.start()
    print(
        f"nginx : {nginx.url} -> {', '.join(upstreams)} (préfixe {nginx.prefix}) ; Ctrl-C pour arrêter",
        flush=True,
    )
    try:
        nginx.process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        nginx.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
