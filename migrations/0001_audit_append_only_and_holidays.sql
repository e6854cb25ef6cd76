-- The audit log is append-only: the database itself refuses to change or remove an event.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
-- National holidays and cuti bersama for 2025 and 2026 (SKB 3 Menteri), shipped with the program.
-- Later years are entered by a system administrator when decreed.
INSERT INTO holidays (office_id, day, kind, name, decree) VALUES
  (NULL, '2025-01-01', 'libur_nasional', 'Tahun Baru 2025 Masehi', 'SKB 3 Menteri 2025'),
  (NULL, '2025-01-27', 'libur_nasional', 'Isra Mikraj Nabi Muhammad SAW', 'SKB 3 Menteri 2025'),
  (NULL, '2025-01-28', 'cuti_bersama', 'Cuti bersama Tahun Baru Imlek', 'SKB 3 Menteri 2025'),
  (NULL, '2025-01-29', 'libur_nasional', 'Tahun Baru Imlek 2576 Kongzili', 'SKB 3 Menteri 2025'),
  (NULL, '2025-03-28', 'cuti_bersama', 'Cuti bersama Hari Suci Nyepi', 'SKB 3 Menteri 2025'),
  (NULL, '2025-03-29', 'libur_nasional', 'Hari Suci Nyepi Tahun Baru Saka 1947', 'SKB 3 Menteri 2025'),
  (NULL, '2025-03-31', 'libur_nasional', 'Idulfitri 1446 Hijriah', 'SKB 3 Menteri 2025'),
  (NULL, '2025-04-01', 'libur_nasional', 'Idulfitri 1446 Hijriah', 'SKB 3 Menteri 2025'),
  (NULL, '2025-04-02', 'cuti_bersama', 'Cuti bersama Idulfitri', 'SKB 3 Menteri 2025'),
  (NULL, '2025-04-03', 'cuti_bersama', 'Cuti bersama Idulfitri', 'SKB 3 Menteri 2025'),
  (NULL, '2025-04-04', 'cuti_bersama', 'Cuti bersama Idulfitri', 'SKB 3 Menteri 2025'),
  (NULL, '2025-04-07', 'cuti_bersama', 'Cuti bersama Idulfitri', 'SKB 3 Menteri 2025'),
  (NULL, '2025-04-18', 'libur_nasional', 'Wafat Yesus Kristus', 'SKB 3 Menteri 2025'),
  (NULL, '2025-04-20', 'libur_nasional', 'Kebangkitan Yesus Kristus (Paskah)', 'SKB 3 Menteri 2025'),
  (NULL, '2025-05-01', 'libur_nasional', 'Hari Buruh Internasional', 'SKB 3 Menteri 2025'),
  (NULL, '2025-05-12', 'libur_nasional', 'Hari Raya Waisak 2569 BE', 'SKB 3 Menteri 2025'),
  (NULL, '2025-05-13', 'cuti_bersama', 'Cuti bersama Hari Raya Waisak', 'SKB 3 Menteri 2025'),
  (NULL, '2025-05-29', 'libur_nasional', 'Kenaikan Yesus Kristus', 'SKB 3 Menteri 2025'),
  (NULL, '2025-05-30', 'cuti_bersama', 'Cuti bersama Kenaikan Yesus Kristus', 'SKB 3 Menteri 2025'),
  (NULL, '2025-06-01', 'libur_nasional', 'Hari Lahir Pancasila', 'SKB 3 Menteri 2025'),
  (NULL, '2025-06-06', 'libur_nasional', 'Iduladha 1446 Hijriah', 'SKB 3 Menteri 2025'),
  (NULL, '2025-06-09', 'cuti_bersama', 'Cuti bersama Iduladha', 'SKB 3 Menteri 2025'),
  (NULL, '2025-06-27', 'libur_nasional', 'Tahun Baru Islam 1447 Hijriah', 'SKB 3 Menteri 2025'),
  (NULL, '2025-08-17', 'libur_nasional', 'Hari Kemerdekaan Republik Indonesia', 'SKB 3 Menteri 2025'),
  (NULL, '2025-08-18', 'cuti_bersama', 'Cuti bersama Hari Kemerdekaan (ditetapkan Agustus 2025)', 'SKB 3 Menteri 2025 (perubahan)'),
  (NULL, '2025-09-05', 'libur_nasional', 'Maulid Nabi Muhammad SAW', 'SKB 3 Menteri 2025'),
  (NULL, '2025-12-25', 'libur_nasional', 'Hari Raya Natal', 'SKB 3 Menteri 2025'),
  (NULL, '2025-12-26', 'cuti_bersama', 'Cuti bersama Hari Raya Natal', 'SKB 3 Menteri 2025'),
  (NULL, '2026-01-01', 'libur_nasional', 'Tahun Baru 2026 Masehi', 'SKB 3 Menteri 2026'),
  (NULL, '2026-01-16', 'libur_nasional', 'Isra Mikraj Nabi Muhammad SAW', 'SKB 3 Menteri 2026'),
  (NULL, '2026-02-16', 'cuti_bersama', 'Cuti bersama Tahun Baru Imlek', 'SKB 3 Menteri 2026'),
  (NULL, '2026-02-17', 'libur_nasional', 'Tahun Baru Imlek 2577 Kongzili', 'SKB 3 Menteri 2026'),
  (NULL, '2026-03-18', 'cuti_bersama', 'Cuti bersama Hari Suci Nyepi', 'SKB 3 Menteri 2026'),
  (NULL, '2026-03-19', 'libur_nasional', 'Hari Suci Nyepi Tahun Baru Saka 1948', 'SKB 3 Menteri 2026'),
  (NULL, '2026-03-20', 'cuti_bersama', 'Cuti bersama Idulfitri', 'SKB 3 Menteri 2026'),
  (NULL, '2026-03-21', 'libur_nasional', 'Idulfitri 1447 Hijriah', 'SKB 3 Menteri 2026'),
  (NULL, '2026-03-22', 'libur_nasional', 'Idulfitri 1447 Hijriah', 'SKB 3 Menteri 2026'),
  (NULL, '2026-03-23', 'cuti_bersama', 'Cuti bersama Idulfitri', 'SKB 3 Menteri 2026'),
  (NULL, '2026-03-24', 'cuti_bersama', 'Cuti bersama Idulfitri', 'SKB 3 Menteri 2026'),
  (NULL, '2026-04-03', 'libur_nasional', 'Wafat Yesus Kristus', 'SKB 3 Menteri 2026'),
  (NULL, '2026-04-05', 'libur_nasional', 'Kebangkitan Yesus Kristus (Paskah)', 'SKB 3 Menteri 2026'),
  (NULL, '2026-05-01', 'libur_nasional', 'Hari Buruh Internasional', 'SKB 3 Menteri 2026'),
  (NULL, '2026-05-14', 'libur_nasional', 'Kenaikan Yesus Kristus', 'SKB 3 Menteri 2026'),
  (NULL, '2026-05-15', 'cuti_bersama', 'Cuti bersama Kenaikan Yesus Kristus', 'SKB 3 Menteri 2026'),
  (NULL, '2026-05-27', 'libur_nasional', 'Iduladha 1447 Hijriah', 'SKB 3 Menteri 2026'),
  (NULL, '2026-05-28', 'cuti_bersama', 'Cuti bersama Iduladha', 'SKB 3 Menteri 2026'),
  (NULL, '2026-05-31', 'libur_nasional', 'Hari Raya Waisak 2570 BE', 'SKB 3 Menteri 2026'),
  (NULL, '2026-06-01', 'libur_nasional', 'Hari Lahir Pancasila', 'SKB 3 Menteri 2026'),
  (NULL, '2026-06-16', 'libur_nasional', 'Tahun Baru Islam 1448 Hijriah', 'SKB 3 Menteri 2026'),
  (NULL, '2026-08-17', 'libur_nasional', 'Hari Kemerdekaan Republik Indonesia', 'SKB 3 Menteri 2026'),
  (NULL, '2026-08-25', 'libur_nasional', 'Maulid Nabi Muhammad SAW', 'SKB 3 Menteri 2026'),
  (NULL, '2026-12-24', 'cuti_bersama', 'Cuti bersama Hari Raya Natal', 'SKB 3 Menteri 2026'),
  (NULL, '2026-12-25', 'libur_nasional', 'Hari Raya Natal', 'SKB 3 Menteri 2026');
