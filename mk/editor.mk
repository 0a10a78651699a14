# Editor and pre-commit framework tests (tests/editor, tests/precommit).
