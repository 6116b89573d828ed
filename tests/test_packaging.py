"""The wheel and the PyInstaller bundle carry faq.db and the translations and run
outside the source tree."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

MAX_BUNDLE_BYTES = 150 * 1024 * 1024


def run(command: list[str], cwd: Path, env: dict | None = None, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=timeout)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-w", str(out)], ROOT)
    assert result.returncode == 0, result.stderr
    [built] = out.glob("helpapp-*.whl")
    return built


def test_self_test_from_source():
    result = run([sys.executable, "-m", "helpapp", "--self-test"], ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    # Qt's messages go to the log (shown with -v), not between the check lines.
    assert "propagateSizeHints" not in result.stderr


def test_self_test_reports_missing_database(tmp_path: Path):
    result = run([sys.executable, "-m", "helpapp", "--self-test", "--db", str(tmp_path / "none.db")], ROOT)
    assert result.returncode == 1
    assert "FAIL database" in result.stdout


def test_wheel_contains_database_and_translations(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "helpapp/resources/faq.db" in names
    assert "helpapp/resources/translations/helpapp_zh_CN.qm" in names
    assert "helpapp/resources/translations/helpapp_cli_zh_CN.mo" in names


@pytest.mark.slow
def test_wheel_installs_and_searches_outside_source_tree(wheel: Path, tmp_path: Path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    installed = run([str(python), "-m", "pip", "install", "-q", str(wheel)], tmp_path)
    assert installed.returncode == 0, installed.stderr

    result = run([str(python), "-m", "helpapp", "search", "开票", "--json"], tmp_path)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["results"][0]["title"] == "顾问销售类子客户如何开票?"

    # The command line's Chinese catalog is found in the installed package.
    help_result = run([str(python), "-m", "helpapp", "search", "--help"], tmp_path)
    assert "用法: helpapp search" in help_result.stdout


@pytest.mark.slow
def test_frozen_bundle_runs_self_test(tmp_path: Path):
    if shutil.which("pyinstaller", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("PyInstaller is not installed (pip install -e '.[test]' installs it)")
    pyinstaller = Path(sys.executable).parent / "pyinstaller"
    built = run(
        [str(pyinstaller), "--noconfirm", "--clean", "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "work"),
         str(ROOT / "packaging" / "helpapp.spec")],
        ROOT,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    bundle = tmp_path / "dist" / "helpapp"

    size = sum(path.stat().st_size for path in bundle.rglob("*") if path.is_file() and not path.is_symlink())
    print(f"bundle size: {size / 1024 / 1024:.1f} MiB")
    assert size <= MAX_BUNDLE_BYTES

    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(temp)}
    result = run([str(bundle / "helpapp"), "--self-test"], tmp_path, env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "frozen: True" in result.stdout
    assert "self-test passed" in result.stdout
    # jieba never writes its dictionary cache into the shared temp folder.
    assert list(temp.iterdir()) == []

    help_result = run([str(bundle / "helpapp"), "search", "--help"], tmp_path, env=env, timeout=120)
    assert "用法: helpapp search" in help_result.stdout
