/** Strings of the evaluation report (/dampak/laporan), part of the impact domain. */
export const report = {
  id: {
    'impact.report.title': 'Laporan evaluasi dampak',
    'impact.report.kicker': 'Laporan evaluasi dampak · Dinas Sosial Provinsi Jawa Timur',
    'impact.report.heading': 'Dampak {program} terhadap {outcome}',
    'impact.report.meta': 'Dibuat {date} · snapshot data {snapshot} ({snapshotDate}) · metode utama: {method}',
    'impact.report.back': 'Kembali ke meja kerja',
    'impact.report.print': 'Cetak / simpan PDF',
    'impact.report.open': 'Laporan untuk dicetak (A4)',
    'impact.report.timingIssues': 'Berkas jadwal yang dipilih bermasalah; laporan tidak dapat dibuat. Perbaiki berkasnya di meja kerja.',
    'impact.report.s.question': 'Pertanyaan',
    'impact.report.s.headline': 'Hasil utama',
    'impact.report.s.programme': 'Program dan jadwal penerapannya',
    'impact.report.s.outcome': 'Indikator hasil dan tahun datanya',
    'impact.report.s.sample': 'Sampel dan celah data',
    'impact.report.s.robust': 'Ketangguhan: semua metode',
    'impact.report.s.event': 'Studi peristiwa dengan pita seragam',
    'impact.report.s.sens': 'Sensitivitas terhadap pelanggaran tren paralel',
    'impact.report.s.map': 'Peta efek per wilayah',
    'impact.report.s.cost': 'Biaya per satuan dampak',
    'impact.report.s.assume': 'Asumsi dan catatan',
    'impact.report.s.reproduce': 'Cara mengulang perhitungan',
    'impact.report.question':
      'Apakah {program} mengubah {outcome} di kabupaten/kota Jawa Timur, dan seberapa besar, bila dibandingkan dengan wilayah yang tidak atau belum menerimanya? Data tahun {years}.',
    'impact.report.inferences': 'Hasil utama ({unit}) menurut cara inferensi',
    'impact.report.col.ci': 'IK 95%',
    'impact.report.col.detail': 'Keterangan',
    'impact.report.noInterval': 'tanpa interval',
    'impact.report.enumerated': 'semua {n} kemungkinan',
    'impact.report.drawn': '{n} undian, benih {seed}',
    'impact.report.programmeStart': 'Tahun mulai menurut katalog program: {year}.',
    'impact.report.recordSources': 'Sumber catatan publik',
    'impact.report.caveats':
      'Data BPS kabupaten/kota adalah perkiraan survei dengan galat sampling; program lain yang berjalan bersamaan tidak dipisahkan; dengan 38 wilayah, uji analitik cenderung terlalu sering menolak, sehingga bootstrap wild dan inferensi randomisasi dilaporkan di sampingnya. Celah data tidak diisi.',
    'impact.report.reproduceIntro':
      'Unduh panel wilayah × tahun yang dipakai (berkas {file}, dari meja kerja atau tombol di bawah), lalu jalankan di repositori Dampak:',
    'impact.report.downloadPanel': 'Unduh panel (CSV)',
    'impact.report.snapshot': 'Snapshot data {snapshot}, dibuat {date}; laporan dibuat {today}.'
  },
  /** The English table, loaded on demand (messages/en/). */
  en: () => import('./en/report')
};
