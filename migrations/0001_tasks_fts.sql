-- Full-text index over task texts, filled by db/ with diacritics-free text (see normalize() in src/core/text.ts).
CREATE VIRTUAL TABLE `tasks_fts` USING fts5(`body`, `task_id` UNINDEXED, tokenize = 'unicode61');
