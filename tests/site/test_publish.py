"""`newsarchive publish`, against real git repositories: a site repository and a bare one as its remote."""

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.publish.changes import TreeChanges, commit_message, describe, diff_trees
from generator.scaffold import init_site

FIRST = "2025/08/20/verhandlungen-in-sicht/index.html"
SECOND = "2025/08/21/radweg-eroeffnet/index.html"


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def write_article(site: Path, name: str, title: str, date: str, body: str) -> Path:
    path = site / "content" / "articles" / "2025" / "08" / f"{name}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'---\ntitle: "{title}"\ndate: "{date}"\nsource: Lokalredaktion\ntags: [Verkehr]\n---\n{body}\n',
                    encoding="utf-8")
    return path


pytestmark = pytest.mark.usefixtures("isolated_git")


@pytest.fixture
def remote(tmp_path) -> Path:
    path = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", str(path))
    return path


@pytest.fixture
def site(tmp_path, remote) -> Path:
    """A two-article site in a git repository with work in progress: staged, unstaged, untracked, stashed."""
    root = tmp_path / "site"
    init_site(root)
    write_article(root, "verhandlungen", "Verhandlungen in Sicht", "2025-08-20T10:00:00+02:00",
                  "Die Gespräche beginnen am Montag.")
    write_article(root, "radweg", "Radweg eröffnet", "2025-08-21T09:00:00+02:00", "Der neue Radweg ist fertig.")
    (root / "notes.txt").write_text("committed\n", encoding="utf-8")
    git(root, "init", "--quiet")
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "Site")
    git(root, "remote", "add", "origin", str(remote))
    (root / "notes.txt").write_text("stashed\n", encoding="utf-8")
    git(root, "stash", "--quiet")
    (root / "notes.txt").write_text("staged\n", encoding="utf-8")
    git(root, "add", "notes.txt")
    (root / "notes.txt").write_text("staged, then edited again\n", encoding="utf-8")
    (root / "draft.txt").write_text("untracked\n", encoding="utf-8")
    return root


def publish(site: Path, *options: str) -> int:
    return main(["--site", str(site), "publish", *options])


def tip(repo: Path, branch: str = "gh-pages") -> str | None:
    done = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"],
                          cwd=repo, capture_output=True, text=True, check=False)
    return done.stdout.strip() or None


def tree_files(repo: Path, commit: str) -> dict[str, bytes]:
    names = git(repo, "ls-tree", "-r", "-z", "--name-only", commit).split("\0")
    return {name: subprocess.run(["git", "cat-file", "blob", f"{commit}:{name}"], cwd=repo,
                                 capture_output=True, check=True).stdout for name in names if name}


def output_bytes(site: Path) -> dict[str, bytes]:
    out = site / "output"
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def user_state(site: Path) -> dict:
    """Everything of the user's that publishing must not touch (the build's output/ and .cache/ aside)."""
    index = (site / ".git" / "index").read_bytes()  # read first: `git status` may refresh it
    skip = (".git", "output", ".output", ".cache")
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
             if p.is_file() and p.relative_to(site).parts[0] not in skip}
    refs = git(site, "for-each-ref", "--format=%(refname) %(objectname)").splitlines()
    return {
        "index": index,
        "head": git(site, "symbolic-ref", "HEAD"),
        "refs": [ref for ref in refs if "gh-pages" not in ref],
        "stash": git(site, "stash", "list", "--format=%H %s"),
        "status": git(site, "--no-optional-locks", "status", "--porcelain"),
        "files": files,
    }


def everything(site: Path, remote: Path) -> dict:
    """The user's state plus the publishing branch, locally and on the remote: a refusal changes none of it."""
    return {**user_state(site), "all refs": git(site, "for-each-ref", "--format=%(refname) %(objectname)"),
            "remote refs": git(remote, "for-each-ref", "--format=%(refname) %(objectname)")}


def change_first_article(site: Path) -> None:
    write_article(site, "verhandlungen", "Verhandlungen in Sicht", "2025-08-20T10:00:00+02:00",
                  "Die Gespräche beginnen am Dienstag, nicht am Montag.")


# --- What publishing produces ---------------------------------------------------------------

def test_first_publish_creates_the_branch_with_the_sites_files(site, remote, capsys):
    assert publish(site) == 0
    published = tree_files(remote, tip(remote))
    assert published == {**output_bytes(site), ".nojekyll": b""}
    assert FIRST in published and SECOND in published
    assert tip(site) == tip(remote)
    assert "published to origin gh-pages" in capsys.readouterr().out


def test_first_commit_message_names_the_articles_added(site, remote):
    publish(site)
    message = git(remote, "log", "-1", "--format=%B", "gh-pages")
    assert message.startswith("Publish site: 2 articles added; ")
    assert "Articles added:\n  2025/08/20/verhandlungen-in-sicht/\n  2025/08/21/radweg-eroeffnet/\n" in message


def test_commit_uses_the_users_git_identity(site, remote):
    publish(site)
    assert git(remote, "log", "-1", "--format=%an <%ae>", "gh-pages").strip() == "Archiv Redaktion <redaktion@example.org>"


def test_publishing_an_unchanged_site_again_creates_no_commit(site, remote, capsys):
    publish(site)
    first = tip(remote)
    capsys.readouterr()
    assert publish(site) == 0
    assert tip(remote) == first
    assert "nothing to publish" in capsys.readouterr().out


def test_a_content_change_creates_one_commit_holding_only_the_changed_files(site, remote):
    publish(site)
    before_tip, before = tip(remote), output_bytes(site)
    change_first_article(site)
    assert publish(site) == 0
    after = output_bytes(site)
    # Search shards are named by their content: a changed one is a new file and the old one goes.
    changed = {path for path in after if before.get(path) != after[path]} | (before.keys() - after.keys())
    assert git(remote, "rev-list", "--count", f"{before_tip}..gh-pages").strip() == "1"
    diff = set(git(remote, "diff-tree", "-r", "--name-only", "--no-commit-id", "gh-pages").split())
    assert diff == changed
    assert FIRST in diff and SECOND not in diff
    message = git(remote, "log", "-1", "--format=%B", "gh-pages")
    assert message.startswith("Publish site: 1 article updated")
    assert "Articles updated:\n  2025/08/20/verhandlungen-in-sicht/\n" in message


def test_removed_article_is_named_in_the_commit_message(site, remote):
    publish(site)
    (site / "content" / "articles" / "2025" / "08" / "radweg.md").unlink()
    publish(site)
    message = git(remote, "log", "-1", "--format=%B", "gh-pages")
    assert "Articles removed:\n  2025/08/21/radweg-eroeffnet/\n" in message
    assert SECOND not in tree_files(remote, "gh-pages")


def test_a_moved_article_is_named_as_moved_not_as_added_and_updated(site, remote):
    publish(site)
    write_article(site, "radweg", "Radweg am Fluss eröffnet", "2025-08-21T09:00:00+02:00", "Der neue Radweg ist fertig.")
    publish(site)
    message = git(remote, "log", "-1", "--format=%B", "gh-pages")
    # The other article's page links the moved one, so it is updated too.
    assert message.startswith("Publish site: 1 article updated, 1 moved; ")
    assert "Articles moved:\n  2025/08/21/radweg-eroeffnet/ -> 2025/08/21/radweg-am-fluss-eroeffnet/\n" in message
    assert "Articles added" not in message and "radweg" not in message.split("Articles updated:")[1].split("\n\n")[0]


def test_publishing_leaves_the_users_branch_index_working_tree_and_stash_alone(site, remote):
    before = user_state(site)
    assert publish(site) == 0
    assert user_state(site) == before
    change_first_article(site)
    before = user_state(site)
    assert publish(site) == 0
    assert user_state(site) == before


def test_publishing_from_a_fresh_clone_continues_the_remote_branch(site, remote, tmp_path):
    """The CI case: a new checkout without a local gh-pages branch."""
    publish(site)
    previous = tip(remote)
    git(site, "push", "--quiet", "origin", "main")
    clone = tmp_path / "ci"
    git(tmp_path, "clone", "--quiet", "--depth", "1", f"file://{remote}", str(clone))
    change_first_article(clone)
    assert publish(clone) == 0
    assert git(remote, "rev-parse", "gh-pages^").strip() == previous


# --- Cost ---------------------------------------------------------------------------------

_WATCHING: list[list[str]] = []  # while a test watches, the paths this process opens are added to its list


def _note_open(event: str, args: tuple) -> None:
    if event == "open" and _WATCHING and isinstance(args[0], (str, bytes, os.PathLike)):
        _WATCHING[-1].append(os.fsdecode(args[0]))


@pytest.fixture(scope="session")
def open_audit():
    sys.addaudithook(_note_open)  # for the rest of the run: audit hooks cannot be removed


def reads_of_output(site: Path) -> Counter:
    """How often `publish` opens each file of output/, by real path."""
    opened: list[str] = []
    _WATCHING.append(opened)
    try:
        assert publish(site, "--no-build") == 0
    finally:
        _WATCHING.remove(opened)
    output = os.path.realpath(site / "output") + os.sep
    return Counter(path for path in map(os.path.realpath, opened) if path.startswith(output))


def once_each(site: Path) -> Counter:
    return Counter({os.path.realpath(site / "output" / path): 1 for path in output_bytes(site)})


def test_publishing_reads_each_file_of_output_once(site, remote, open_audit):
    """Hashing a file and storing it take one read, so a large archive is read once, not twice."""
    main(["--site", str(site), "build"])
    assert reads_of_output(site) == once_each(site)


def test_publishing_again_reads_only_the_files_the_build_changed(site, remote, open_audit):
    """Re-publishing a large archive after one change costs what changed, not the archive."""
    main(["--site", str(site), "build"])
    reads_of_output(site)
    before = output_bytes(site)
    change_first_article(site)
    main(["--site", str(site), "build"])
    after = output_bytes(site)
    changed = {path for path, body in after.items() if before.get(path) != body}
    assert FIRST in changed and SECOND not in changed
    assert reads_of_output(site) == Counter({os.path.realpath(site / "output" / path): 1 for path in changed})
    assert tree_files(site, "gh-pages") == {**after, ".nojekyll": b""}


def test_files_changed_behind_the_builds_back_are_published(site, remote, open_audit):
    """A file edited by hand in output/ (same name, same size) is read and published, not trusted."""
    main(["--site", str(site), "build"])
    reads_of_output(site)
    page = site / "output" / SECOND
    page.write_bytes(page.read_bytes().replace(b"Radweg", b"RADWEG"))  # in place: same inode, same size
    assert reads_of_output(site) == Counter({os.path.realpath(page): 1})
    assert tree_files(site, "gh-pages")[SECOND] == page.read_bytes()


def test_a_damaged_publish_record_costs_a_full_read_not_a_wrong_tree(site, remote, capsys):
    publish(site)
    for record in (site / ".cache" / "publish").glob("*.record"):
        record.write_bytes(record.read_bytes()[:-40])
    change_first_article(site)
    assert publish(site) == 0
    assert tree_files(remote, "gh-pages") == {**output_bytes(site), ".nojekyll": b""}
    assert "gh-pages.record is unreadable" in capsys.readouterr().err


def test_a_file_deleted_from_output_by_hand_is_not_published(site, remote):
    main(["--site", str(site), "build"])
    publish(site, "--no-build")
    (site / "output" / SECOND).unlink()
    assert publish(site, "--no-build") == 0
    assert tree_files(remote, "gh-pages") == {**output_bytes(site), ".nojekyll": b""}
    assert SECOND not in tree_files(remote, "gh-pages")


# --- Options --------------------------------------------------------------------------------

def test_no_push_commits_to_the_local_branch_only(site, remote):
    assert publish(site, "--no-push") == 0
    assert tip(site) is not None
    assert tip(remote) is None


def test_publishing_after_no_push_pushes_the_waiting_commit(site, remote, capsys):
    publish(site, "--no-push")
    capsys.readouterr()
    assert publish(site) == 0
    assert tip(remote) == tip(site)
    assert "pushed gh-pages" in capsys.readouterr().out


def test_branch_and_remote_options_choose_where_to_publish(site, tmp_path):
    pages = tmp_path / "pages.git"
    git(tmp_path, "init", "--quiet", "--bare", str(pages))
    git(site, "remote", "add", "pages", str(pages))
    assert publish(site, "--remote", "pages", "--branch", "public") == 0
    assert tip(pages, "public") is not None
    assert tip(site, "public") == tip(pages, "public")


def test_no_history_leaves_a_single_commit(site, remote):
    publish(site)
    change_first_article(site)
    assert publish(site, "--no-history") == 0
    assert git(remote, "rev-list", "--count", "gh-pages").strip() == "1"
    assert tree_files(remote, "gh-pages")[FIRST] == output_bytes(site)[FIRST]


def test_cname_is_written_and_kept_by_later_publishes(site, remote):
    publish(site, "--cname", "archiv.example.org")
    assert tree_files(remote, "gh-pages")["CNAME"] == b"archiv.example.org\n"
    change_first_article(site)
    publish(site)
    assert tree_files(remote, "gh-pages")["CNAME"] == b"archiv.example.org\n"


def test_message_option_heads_the_commit_message(site, remote):
    publish(site, "--message", "Ausgabe vom 21. August")
    message = git(remote, "log", "-1", "--format=%B", "gh-pages")
    assert message.startswith("Ausgabe vom 21. August\n\nArticles added:\n")


def test_dry_run_says_what_would_change_and_changes_nothing(site, remote, capsys):
    publish(site)
    change_first_article(site)
    before = everything(site, remote)
    capsys.readouterr()
    assert publish(site, "--dry-run") == 0
    out = capsys.readouterr().out
    assert "would publish to origin gh-pages: Publish site: 1 article updated" in out
    assert "2025/08/20/verhandlungen-in-sicht/" in out
    assert everything(site, remote) == before


# --- Refusals: a clear message, exit code 1, and nothing changed ---------------------------

def refused(site: Path, remote: Path, capsys, *options: str) -> str:
    before = everything(site, remote)
    capsys.readouterr()
    assert publish(site, *options) == 1
    assert everything(site, remote) == before
    err = capsys.readouterr().err
    assert "nothing was published" in err or "build failed" in err
    return err


def test_refuses_outside_a_git_repository(tmp_path, capsys):
    root = tmp_path / "plain"
    init_site(root)
    assert publish(root) == 1
    assert "is not in a git repository" in capsys.readouterr().err
    assert not (root / "output").exists() and not (root / ".git").exists()


def test_refuses_a_missing_remote(site, remote, capsys):
    git(site, "remote", "remove", "origin")
    err = refused(site, remote, capsys)
    assert "no git remote named 'origin'" in err
    assert not (site / "output").exists()


def publish_from_elsewhere(site: Path, remote: Path, tmp_path: Path) -> None:
    """Publish once, then let another machine add a commit to the remote gh-pages."""
    publish(site)
    elsewhere = tmp_path / "elsewhere"
    git(tmp_path, "clone", "--quiet", "--branch", "gh-pages", str(remote), str(elsewhere))
    (elsewhere / "hello.html").write_text("from another machine\n", encoding="utf-8")
    git(elsewhere, "add", "hello.html")
    git(elsewhere, "commit", "--quiet", "-m", "Published elsewhere")
    git(elsewhere, "push", "--quiet", "origin", "gh-pages")


def test_refuses_a_rejected_push_and_explains_force(site, remote, tmp_path, capsys):
    publish_from_elsewhere(site, remote, tmp_path)
    change_first_article(site)
    err = refused(site, remote, capsys)
    assert "origin gh-pages has commits that your gh-pages lacks" in err
    assert "--force" in err


def test_force_replaces_a_diverged_remote_branch(site, remote, tmp_path):
    publish_from_elsewhere(site, remote, tmp_path)
    change_first_article(site)
    assert publish(site, "--force") == 0
    assert tip(remote) == tip(site)
    assert "hello.html" not in tree_files(remote, "gh-pages")


def test_refuses_an_empty_output_folder(site, remote, capsys):
    (site / "output").mkdir()
    err = refused(site, remote, capsys, "--no-build")
    assert "output is empty" in err


def test_refuses_to_publish_after_a_failed_build(site, remote, capsys):
    main(["--site", str(site), "build"])
    (site / "content" / "articles" / "2025" / "08" / "kaputt.md").write_text("no front matter\n", encoding="utf-8")
    assert main(["--site", str(site), "build"]) == 1
    err = refused(site, remote, capsys, "--no-build")
    assert "the last build failed (content/articles/2025/08/kaputt.md:1: no front matter" in err


def test_a_build_that_fails_during_publish_publishes_nothing(site, remote, capsys):
    (site / "content" / "articles" / "2025" / "08" / "kaputt.md").write_text("no front matter\n", encoding="utf-8")
    refused(site, remote, capsys)
    assert tip(remote) is None


def test_refuses_when_git_does_not_know_who_you_are(site, remote, capsys):
    # No name or email, and no guessing them from the machine's user and host names.
    Path(os.environ["GIT_CONFIG_GLOBAL"]).write_text("[user]\n\tuseConfigOnly = true\n", encoding="utf-8")
    err = refused(site, remote, capsys)
    assert "git does not know who you are" in err


def test_refuses_to_move_a_branch_that_is_checked_out(site, remote, capsys):
    publish(site)
    git(site, "worktree", "add", "--quiet", str(site.parent / "pages-checkout"), "gh-pages")
    change_first_article(site)
    err = refused(site, remote, capsys)
    assert "branch gh-pages is checked out in" in err


def test_refuses_a_cname_that_is_not_a_domain(site, remote, capsys):
    err = refused(site, remote, capsys, "--cname", "https://archiv.example.org/")
    assert "--cname takes a bare domain name" in err


# --- The commit message, from the change list alone -----------------------------------------

def test_diff_trees_sorts_paths_into_added_modified_removed():
    old = {"index.html": "a1", "feed.xml": "b1", "2025/08/20/alt/index.html": "c1"}
    new = {"index.html": "a2", "feed.xml": "b1", "2025/08/21/neu/index.html": "d1"}
    assert diff_trees(old, new) == TreeChanges(added=("2025/08/21/neu/index.html",), modified=("index.html",),
                                               removed=("2025/08/20/alt/index.html",))


def test_subject_counts_articles_then_other_files():
    changes = TreeChanges(added=("2025/08/21/neu/index.html", "tags/neu/index.html"),
                          modified=("2025/08/20/alt/index.html", "2025/08/19/aelter/index.html", "index.html"))
    assert describe(changes) == "Publish site: 1 article added, 2 updated; 2 other files changed"
    assert describe(TreeChanges(modified=("index.html",))) == "Publish site: 1 file changed"


def test_a_redirect_page_is_not_counted_as_an_article():
    moves = {"2025/08/20/alt/": "2025/08/20/neu/", "2025/08/19/frueher/": "2025/08/19/spaeter/"}
    changes = TreeChanges(added=("2025/08/20/neu/index.html", "2025/08/19/frueher/index.html"),
                          modified=("2025/08/20/alt/index.html", "index.html"))
    # alt turned into a redirect as neu appeared: moved. frueher is a new redirect page: a file.
    assert describe(changes, moves) == "Publish site: 1 article moved; 2 other files changed"
    assert "  A 2025/08/19/frueher/index.html\n  M index.html\n" in commit_message(changes, moves=moves)
    # Without the record of moves the same tree reads as one added and one updated.
    assert describe(changes) == "Publish site: 2 articles added, 1 updated; 1 other file changed"


def test_long_change_lists_are_cut_short_in_the_message():
    changes = TreeChanges(added=tuple(f"tags/t{i:03}/index.html" for i in range(150)))
    message = commit_message(changes)
    assert "  A tags/t099/index.html\n  … and 50 more\n" in message
    assert "t100" not in message


# --- The sample CI workflow -----------------------------------------------------------------

def test_sample_workflow_installs_with_pip_and_publishes_without_make():
    workflow = yaml.safe_load((Path(__file__).parents[2] / "docs" / "github-pages-workflow.yml").read_text())
    commands = "\n".join(step.get("run", "") for step in workflow["jobs"]["publish"]["steps"])
    assert "pip install" in commands and "newsarchive publish" in commands
    assert "make" not in commands.split()
    assert workflow["permissions"]["contents"] == "write"
