;;; flycheck-test.el --- drive editors/flycheck-samv.el in a batch Emacs  -*- lexical-binding: t; -*-
;; emacs --batch -l flycheck-test.el FILE EDITORS-DIR
;; Opens FILE, changes the buffer without saving it (org number 212000-0167 -> 212000-0168,
;; a line `adress: ...` at the end), runs the samv checker and prints the checker's name,
;; then one line per error: LINE:COLUMN:LEVEL:ID, and whether the buffer is still unsaved.
;; samv-check is found on PATH.
(setq create-lockfiles nil make-backup-files nil auto-save-default nil)
(when (fboundp 'package-initialize) (package-initialize))
(let ((file (nth 0 command-line-args-left))
      (editors (nth 1 command-line-args-left)))
  (setq command-line-args-left nil)
  (add-to-list 'load-path editors)
  (require 'flycheck)
  (unless (require 'yaml-mode nil t)
    (define-derived-mode yaml-mode text-mode "YAML"))
  (require 'flycheck-samv)
  (find-file file)
  (yaml-mode)
  (goto-char (point-min))
  (when (re-search-forward "212000-0167" nil t)
    (replace-match "212000-0168"))
  (goto-char (point-max))
  (insert "adress: Granitvägen 15\n")
  (flycheck-mode 1)
  (princ (format "checker: %s\n" (flycheck-get-checker-for-buffer)))
  (when (flycheck-get-checker-for-buffer)
    (flycheck-buffer)
    (let ((deadline (+ (float-time) 30)))
      (while (and (flycheck-running-p) (< (float-time) deadline))
        (accept-process-output nil 0.1))))
  (dolist (e (sort (copy-sequence flycheck-current-errors)
                   (lambda (a b) (< (flycheck-error-line a) (flycheck-error-line b)))))
    (princ (format "%s:%s:%s:%s:%s\n"
                   (if (equal (flycheck-error-filename e) buffer-file-name) "buffer"
                     (flycheck-error-filename e))
                   (flycheck-error-line e) (flycheck-error-column e)
                   (flycheck-error-level e) (flycheck-error-id e))))
  (princ (format "unsaved: %s\n" (if (buffer-modified-p) "yes" "no"))))
;;; flycheck-test.el ends here
