;;; flycheck-samv.el --- Check samv ledger records as you type  -*- lexical-binding: t; -*-

;; A Flycheck syntax checker that runs `samv-check --stdin-filename FILE -' on the unsaved
;; text of a record, as if it stood at FILE in its ledger (references to the other records
;; included), and shows each finding at its line and column with its rule id.
;;
;; Install: put this file on `load-path', then
;;   (require 'flycheck-samv)
;;   (add-hook 'yaml-mode-hook #'flycheck-mode)      ; or yaml-ts-mode-hook
;; samv-check must be on `exec-path' (make install), or set `flycheck-samv-executable'.
;; The checker runs only in a file below a directory holding samv.yaml (the ledger root),
;; where it comes before Flycheck's other YAML checkers (samv-check reports YAML errors too).

;;; Code:

(require 'flycheck)

(defun flycheck-samv--ledger-root (&rest _)
  "The ledger root above this buffer's file: the directory holding samv.yaml."
  (and buffer-file-name
       (locate-dominating-file buffer-file-name "samv.yaml")))

;; samv-check prints findings as compilers do (file names relative to the ledger root,
;; which is why it runs there):
;;   parties/nacka.yaml:12:13: error: organisation number ... [org-number]
(flycheck-define-checker samv
  "A samv ledger record checker using samv-check.

Each finding carries its rule id; `samv-check --explain RULE' says how to mend it."
  :command ("samv-check" "--color" "never" "--stdin-filename" source-original "-")
  :standard-input t
  :working-directory flycheck-samv--ledger-root
  :predicate flycheck-samv--ledger-root
  :error-patterns
  ((error line-start (file-name) ":" line ":" column ": error: " (message)
          " [" (id (one-or-more (any "a-z" "0-9" "-"))) "]" line-end)
   (warning line-start (file-name) ":" line ":" column ": warning: " (message)
            " [" (id (one-or-more (any "a-z" "0-9" "-"))) "]" line-end))
  :modes (yaml-mode yaml-ts-mode))

(add-to-list 'flycheck-checkers 'samv)

(provide 'flycheck-samv)
;;; flycheck-samv.el ends here
