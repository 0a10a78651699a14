# Editor and pre-commit framework tests (tests/editor, tests/precommit).
#
#   make editortest      the real yaml-language-server (pinned, from the npm registry) with
#                        .vscode/settings.json flags exactly the files and lines samv-check
#                        flags under rule `schema`; then the Flycheck and ALE definitions in
#                        editors/ in Emacs and Vim, where installed
#   make precommittest   .pre-commit-hooks.yaml with the real pre-commit in a throwaway repository
#
# Each skips with one line where its tool (node and npm, emacs, vim, pre-commit) is missing;
# SAMV_TEST_NO_SKIP=1 makes a missing node, npm registry, editor or pre-commit a failure (CI).

.PHONY: editortest precommittest

editortest: all
	$(Q)sh tests/editor/run.sh $(BUILD)
	$(Q)sh tests/editor/linters.sh $(BUILD)

precommittest: all
	$(Q)sh tests/precommit/run.sh $(BUILD)
