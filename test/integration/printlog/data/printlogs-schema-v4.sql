PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    checksum   TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT;
INSERT INTO schema_migrations VALUES(1,'organisation-and-auth','e8e31bbed653aeda7bee6cb15a7730ddd755f20c47324aa83154aee1f90d017d','2025-06-01T00:00:00.000Z');
INSERT INTO schema_migrations VALUES(2,'print-logs','b9134b0bb8d3340c9ba0e7171be2e3d4d3d1d7a57ee61e7404d55178e3f62bfd','2025-06-01T00:00:00.000Z');
INSERT INTO schema_migrations VALUES(3,'log-sources','cc44a73b0d711f2358ab7b300543a7711a8e67b4e42a535459e494dbabce5312','2025-06-01T00:00:00.000Z');
INSERT INTO schema_migrations VALUES(4,'time-ordered-job-keys','0e34962c3f700c525f6bd7159963382fcdb1dabdc47b9113257a46cc07086b54','2025-06-01T00:00:00.000Z');
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
CREATE TABLE sites (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('honcho', 'shisho', 'outpost')),
  address    TEXT NOT NULL DEFAULT '',
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE TABLE departments (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('bu', 'ka', 'kakari')),
  parent_id  INTEGER REFERENCES departments(id),
  site_id    INTEGER NOT NULL REFERENCES sites(id),
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE TABLE positions (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  rank       INTEGER NOT NULL,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE TABLE users (
  id                  INTEGER PRIMARY KEY,
  login               TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name                TEXT NOT NULL,
  kana                TEXT NOT NULL DEFAULT '',
  email               TEXT NOT NULL DEFAULT '',
  department_id       INTEGER REFERENCES departments(id),
  position_id         INTEGER REFERENCES positions(id),
  active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  language            TEXT NOT NULL DEFAULT 'ja' CHECK (language IN ('ja', 'en')),
  password_hash       TEXT NOT NULL,
  password_changed_at TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE TABLE user_roles (
  user_id INTEGER NOT NULL REFERENCES users(id),
  role    TEXT NOT NULL CHECK (role IN ('admin', 'dx', 'clerk')),
  PRIMARY KEY (user_id, role)
) STRICT, WITHOUT ROWID;
CREATE TABLE sessions (
  token_hash   TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  csrf_token   TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,
  revoked_at   INTEGER,
  ip           TEXT NOT NULL DEFAULT '',
  user_agent   TEXT NOT NULL DEFAULT ''
) STRICT, WITHOUT ROWID;
CREATE TABLE login_attempts (
  id      INTEGER PRIMARY KEY,
  login   TEXT NOT NULL COLLATE NOCASE,
  ip      TEXT NOT NULL,
  at      INTEGER NOT NULL,
  success INTEGER NOT NULL CHECK (success IN (0, 1))
) STRICT;
CREATE TABLE admin_log (
  id       INTEGER PRIMARY KEY,
  at       TEXT NOT NULL,
  actor_id INTEGER REFERENCES users(id),
  action   TEXT NOT NULL,
  target   TEXT NOT NULL,
  detail   TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE TABLE log_files (
  id          INTEGER PRIMARY KEY,
  path        TEXT NOT NULL,
  head_hash   TEXT NOT NULL,
  head_length INTEGER NOT NULL,
  format      TEXT NOT NULL,
  encoding    TEXT NOT NULL,
  -- The watched source or the name given to `kamiless import --source`; '' when none.
  source      TEXT NOT NULL DEFAULT '',
  -- Committed in the same transaction as the rows read up to it.
  position    INTEGER NOT NULL DEFAULT 0,
  line        INTEGER NOT NULL DEFAULT 0,
  finished    INTEGER NOT NULL DEFAULT 0 CHECK (finished IN (0, 1)),
  first_seen  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
INSERT INTO log_files VALUES(1,'@FIXTURES@/papercut-logger/daily/papercut-print-log-2024-03-25.csv','fb414d31ff313abc18fef3d831831f5df1cc6101ed4a9ba574ec691c1dbd49fe',654,'papercut-logger','cp932','',654,6,1,'2025-06-01T00:00:01.000Z','2025-06-01T00:00:03.000Z');
INSERT INTO log_files VALUES(2,'@FIXTURES@/papercut-logger/daily/papercut-print-log-2024-03-26.csv','b52d65613c5ea4ff89d323e3e8380794f0983b998a0a25aaff73b8a2c41e2155',677,'papercut-logger','cp932','',677,6,1,'2025-06-01T00:00:04.000Z','2025-06-01T00:00:06.000Z');
INSERT INTO log_files VALUES(3,'@FIXTURES@/papercut-logger/daily/papercut-print-log-2024-03-27.csv','0f4c9d9c7dc3ae3eec8ed73581ce4a5ebca5508b9d31204b37206b54b22e5b88',419,'papercut-logger','cp932','',419,4,1,'2025-06-01T00:00:07.000Z','2025-06-01T00:00:09.000Z');
INSERT INTO log_files VALUES(4,'@FIXTURES@/papercut-logger/daily/papercut-print-log-2024-03-28.csv','30ad5abae129125949f06c895dd1d32c89719841a220c5bbafb7f8baec31dd8c',428,'papercut-logger','cp932','',428,4,1,'2025-06-01T00:00:10.000Z','2025-06-01T00:00:12.000Z');
INSERT INTO log_files VALUES(5,'@FIXTURES@/papercut-logger/daily/papercut-print-log-2024-03-30.csv','72a80c195641c7ad1a1f3f6cddc80087e82ea8571c8bee9d4b8c67140edd934a',1024,'papercut-logger','cp932','',1034,9,1,'2025-06-01T00:00:13.000Z','2025-06-01T00:00:15.000Z');
INSERT INTO log_files VALUES(6,'@FIXTURES@/papercut-logger/daily/papercut-print-log-2024-03-31.csv','98f045801a56f9e4c7ae1da165b16d1ce2867578472066a9ab352a8ba2f732e2',400,'papercut-logger','cp932','',400,4,1,'2025-06-01T00:00:16.000Z','2025-06-01T00:00:18.000Z');
INSERT INTO log_files VALUES(7,'@FIXTURES@/papercut-logger/daily/papercut-print-log-2024-04-02.csv','054ffb1373c659e1ff79f6e3ca00f046a8535c0d3c9ac25c0fe4dbf62ea2c001',417,'papercut-logger','cp932','',417,4,1,'2025-06-01T00:00:19.000Z','2025-06-01T00:00:21.000Z');
INSERT INTO log_files VALUES(8,'@FIXTURES@/papercut-logger/daily/papercut-print-log-2024-04-03.csv','5c55cfbcfd2f0f8297b19855a7849bd5b23e547dab712f0919d24224c12f2ab8',531,'papercut-logger','cp932','',531,5,1,'2025-06-01T00:00:22.000Z','2025-06-01T00:00:24.000Z');
INSERT INTO log_files VALUES(9,'@FIXTURES@/papercut-logger/daily/papercut-print-log-2024-04-04.csv','69544f068da6bd5f82dcd84f0511dc10ba1d01a12a68107d9c2066c791cdf855',534,'papercut-logger','cp932','',534,5,1,'2025-06-01T00:00:25.000Z','2025-06-01T00:00:27.000Z');
INSERT INTO log_files VALUES(10,'@FIXTURES@/papercut-logger/daily/papercut-print-log-2024-04-05.csv','edeafaab205ffae81ce2dadb7d00e040b31faff58581d6597f95ebfcc0051f96',518,'papercut-logger','cp932','',518,5,1,'2025-06-01T00:00:28.000Z','2025-06-01T00:00:30.000Z');
INSERT INTO log_files VALUES(11,'@FIXTURES@/papercut-logger/daily/papercut-print-log-2024-04-06.csv','a8c90b743e5b2d26d6f68e53ffac68e7e3a9e947e2b660d7ca2548cda177c635',519,'papercut-logger','cp932','',519,5,1,'2025-06-01T00:00:31.000Z','2025-06-01T00:00:33.000Z');
INSERT INTO log_files VALUES(12,'@FIXTURES@/papercut-logger/daily/papercut-print-log-2024-04-07.csv','79e32182f1d0cf1e5cbe701de63fad07ff73d493fd1e287698d40f12bc8aa4d8',554,'papercut-logger','cp932','',554,5,1,'2025-06-01T00:00:34.000Z','2025-06-01T00:00:36.000Z');
INSERT INTO log_files VALUES(13,'@FIXTURES@/papercut-logger/daily/papercut-print-log-2024-04-08.csv','8d186cb17ae132b63ff3e6b713853a71231d0c57ccbe41202d5f8f1f843a2bd8',405,'papercut-logger','cp932','',405,4,1,'2025-06-01T00:00:37.000Z','2025-06-01T00:00:39.000Z');
INSERT INTO log_files VALUES(14,'@FIXTURES@/csv/counter-2024.csv','ee0ac0bf406d09a11497557b7ed239b90dad7529a2c8e2487ffc559233e20652',801,'counter','cp932','',801,25,1,'2025-06-01T00:00:40.000Z','2025-06-01T00:00:42.000Z');
INSERT INTO log_files VALUES(15,'@FIXTURES@/csv/joblog-honcho-2024-10.csv','0e3696590783b81ede577b8cfda64550814e1c302cfb730a82d67698940c6d68',1024,'csv','cp932','',1882,21,1,'2025-06-01T00:00:43.000Z','2025-06-01T00:00:45.000Z');
INSERT INTO log_files VALUES(16,'@FIXTURES@/cups/page_log','49fc70e09c09b810eedbc1c4d751a686d991460a9cddd29edf271fe1fae8ee57',1024,'cups','utf-8','',1414,10,1,'2025-06-01T00:00:46.000Z','2025-06-01T00:01:18.000Z');
INSERT INTO log_files VALUES(17,'@FIXTURES@/cups/page_log-cups22','1eaaefddb517581e67e62c8e5a7edf537089515aecc6bbacff0e6bf7dedb09c6',1024,'cups','utf-8','',3624,27,1,'2025-06-01T00:00:49.000Z','2025-06-01T00:00:51.000Z');
INSERT INTO log_files VALUES(18,'@FIXTURES@/cups/page_log.1.gz','d648f18d0637e3ddc323767fc378f81c2560564844b81767cc9b4273a80cb47e',1024,'cups','utf-8','',1333,10,1,'2025-06-01T00:00:52.000Z','2025-06-01T00:00:54.000Z');
INSERT INTO log_files VALUES(19,'@FIXTURES@/papercut-logger/bad-lines-utf8.csv','79e9c42bf6200125d640fbbc1d5e3dd69cea5b418034ea0db3c03f56e836784b',1024,'papercut-logger','utf-8','',1827,18,1,'2025-06-01T00:00:55.000Z','2025-06-01T00:01:03.000Z');
INSERT INTO log_files VALUES(20,'@FIXTURES@/papercut-logger/papercut-print-log-all-time.csv','1dea3838714799ab0337c4aced45ba5eff71d15ebb92d298984391386bfff103',1024,'papercut-logger','cp932','',5194,42,1,'2025-06-01T00:01:04.000Z','2025-06-01T00:01:15.000Z');
INSERT INTO log_files VALUES(21,'@FIXTURES@/papercut-ng/printlog_2024_09_02.log','fd9e9418f6535fb0a103a1e904c4a8fa2b4d53cc56219e3af35e3855f1adde29',1024,'papercut-ng','utf-8','',2438,20,1,'2025-06-01T00:01:07.000Z','2025-06-01T00:01:09.000Z');
INSERT INTO log_files VALUES(22,'@FIXTURES@/windows-307/printservice-307.xml','f0718080822b1a4fbee31fbd76da5661af237b3f6b7060d3278036f00ab65d4b',1024,'windows-307','utf-8','',20941,1,1,'2025-06-01T00:01:10.000Z','2025-06-01T00:01:12.000Z');
CREATE TABLE print_jobs (
  id           INTEGER PRIMARY KEY,
  -- content_hash + ':' + n, n = this content's occurrence within its file: the same job read
  -- from a daily file and from the all-time file is stored once, two identical jobs in one file twice.
  dedup_key    TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  time         TEXT NOT NULL,
  user         TEXT NOT NULL,
  printer      TEXT NOT NULL,
  client       TEXT NOT NULL,
  document     TEXT NOT NULL,
  pages        INTEGER NOT NULL CHECK (pages >= 0),
  sheets       INTEGER NOT NULL CHECK (sheets >= 0),
  copies       INTEGER NOT NULL CHECK (copies >= 1),
  sides        INTEGER CHECK (sides IN (1, 2)),
  n_up         INTEGER NOT NULL DEFAULT 1,
  color        INTEGER CHECK (color IN (0, 1)),
  paper_size   TEXT NOT NULL DEFAULT '',
  format       TEXT NOT NULL,
  file_id      INTEGER NOT NULL REFERENCES log_files(id),
  line         INTEGER NOT NULL
) STRICT;
INSERT INTO print_jobs VALUES(1,'2024032500oow5J83n597gy2DryHeqWeh6dPE:1','2024032500oow5J83n597gy2DryHeqWeh6dPE','2024-03-25T00:13:36.000Z','sasaki-k','GEIHOKU-MFP01','PC-GEIHOKU-001','令和6年度 予算資料.xlsx',8,8,2,1,1,1,'A4','papercut-logger',1,3);
INSERT INTO print_jobs VALUES(2,'2024032504a4YbS88-w9yyg5BKD8s36RdpKqY:1','2024032504a4YbS88-w9yyg5BKD8s36RdpKqY','2024-03-25T04:21:44.000Z','suzuki-a','TOYOHIRA-PRN01','PC-GEIHOKU-001','事業計画書.docx',24,24,2,1,1,0,'A4','papercut-logger',1,4);
INSERT INTO print_jobs VALUES(3,'2024032512xOfoMYhgJogrP4_DlS6xeZ-namE:1','2024032512xOfoMYhgJogrP4_DlS6xeZ-namE','2024-03-25T12:00:12.000Z','ito-y','HONCHO-2F-PRN02','PC-TOYOHIRA-002','回覧～全職員.pdf',48,24,2,2,1,0,'B5','papercut-logger',1,5);
INSERT INTO print_jobs VALUES(4,'2024032513PzinSw04uu0PNSkOlVUsVOe4yKo:1','2024032513PzinSw04uu0PNSkOlVUsVOe4yKo','2024-03-25T13:49:23.000Z','takahashi-m','TOYOHIRA-PRN01','PC-OASA-004','Report, final "v2".docx',10,5,1,2,1,0,'A4','papercut-logger',1,6);
INSERT INTO print_jobs VALUES(5,'2024032515X71q2V7C-LqAHTUcDi-q3QgOcZ0:1','2024032515X71q2V7C-LqAHTUcDi-q3QgOcZ0','2024-03-25T15:30:48.000Z','suzuki-a','GEIHOKU-MFP01','PC-TOYOHIRA-002','会議資料（第3回）.pdf',17,17,1,1,1,0,'B5','papercut-logger',2,3);
INSERT INTO print_jobs VALUES(6,'2024032515I2mdds6nlS6zfClpblIwWT8thjg:1','2024032515I2mdds6nlS6zfClpblIwWT8thjg','2024-03-25T15:55:02.000Z','yamada-m','HONCHO-SOUMU-MFP01','PC-OASA-004','令和6年度 予算資料.xlsx',20,20,10,1,1,0,'A3','papercut-logger',2,4);
INSERT INTO print_jobs VALUES(7,'2024032516vG5rfWKYYu_JwiP8cfbDvpHN8eQ:1','2024032516vG5rfWKYYu_JwiP8cfbDvpHN8eQ','2024-03-25T16:49:11.000Z','yoshida-j','HONCHO-ZAISEI-MFP01','PC-ZAISEI-003','お知らせ 広報きたひろ 12月号.pdf',2,2,1,1,1,0,'A4','papercut-logger',2,5);
INSERT INTO print_jobs VALUES(8,'2024032611RoQTq2up83EGH1LiY8ciCZaB48E:1','2024032611RoQTq2up83EGH1LiY8ciCZaB48E','2024-03-26T11:45:44.000Z','yamamoto-s','OASA-MFP01','PC-GEIHOKU-001','invoice 2024-05.pdf',3,3,1,1,1,0,'A4','papercut-logger',2,6);
INSERT INTO print_jobs VALUES(9,'2024032705x3LmDvJ0cgdeder3dulpdrbHNyw:1','2024032705x3LmDvJ0cgdeder3dulpdrbHNyw','2024-03-27T05:40:37.000Z','yamamoto-s','TOYOHIRA-PRN01','PC-TOYOHIRA-002','住民説明会 案内.docx',12,6,2,2,1,0,'B5','papercut-logger',3,3);
INSERT INTO print_jobs VALUES(10,'20240327106gLJivAXEsBKJVagfI-1_sRL-6c:1','20240327106gLJivAXEsBKJVagfI-1_sRL-6c','2024-03-27T10:33:05.000Z','matsumoto-h','HONCHO-2F-PRN02','PC-TOYOHIRA-002','お知らせ 広報きたひろ 12月号.pdf',4,2,2,2,1,0,'A3','papercut-logger',3,4);
INSERT INTO print_jobs VALUES(11,'2024032719lHHMtLmG9Tv9aZ0fepv9ZZjBWeE:1','2024032719lHHMtLmG9Tv9aZ0fepv9ZZjBWeE','2024-03-27T19:41:33.000Z','watanabe-r','HONCHO-SOUMU-MFP01','PC-TOYOHIRA-002','お知らせ 広報きたひろ 12月号.pdf',24,12,3,2,1,0,'A4','papercut-logger',4,3);
INSERT INTO print_jobs VALUES(12,'2024032805eimCrKwiBgRo83SKvo_xWOrSh4o:1','2024032805eimCrKwiBgRo83SKvo_xWOrSh4o','2024-03-28T05:16:22.000Z','yoshida-j','HONCHO-ZAISEI-MFP01','PC-TOYOHIRA-002','invoice 2024-05.pdf',1,1,1,1,1,0,'A4','papercut-logger',4,4);
INSERT INTO print_jobs VALUES(13,'2024033001YgXnuY-ZYMYk-gy0np-aJkWSNlI:1','2024033001YgXnuY-ZYMYk-gy0np-aJkWSNlI','2024-03-30T01:18:27.000Z','tanaka-h','TOYOHIRA-PRN01','PC-SOUMU-012','会議資料（第3回）.pdf',24,24,1,1,1,0,'A4','papercut-logger',5,3);
INSERT INTO print_jobs VALUES(14,'2024033005anDN6OEjI6olnZi_o8pe_2LiV7M:1','2024033005anDN6OEjI6olnZi_o8pe_2LiV7M','2024-03-30T05:10:41.000Z','takahashi-m','HONCHO-2F-PRN02','PC-SOUMU-012','invoice 2024-05.pdf',1,1,1,2,1,1,'A4','papercut-logger',5,4);
INSERT INTO print_jobs VALUES(15,'2024033006A7at3zUl3rb8rlbTWDddXBE5tys:1','2024033006A7at3zUl3rb8rlbTWDddXBE5tys','2024-03-30T06:26:57.000Z','kobayashi-e','HONCHO-ZAISEI-MFP01','PC-GEIHOKU-001','道路台帳 抜粋.pdf',12,12,1,1,1,0,'B5','papercut-logger',5,5);
INSERT INTO print_jobs VALUES(16,'2024033008PV1wijCqWHDMROAeol730jN98Bg:1','2024033008PV1wijCqWHDMROAeol730jN98Bg','2024-03-30T08:08:41.000Z','suzuki-a','HONCHO-SOUMU-MFP01','PC-GEIHOKU-001','Report, final "v2".docx',3,3,1,1,1,0,'A4','papercut-logger',5,6);
INSERT INTO print_jobs VALUES(17,'20240330128cwyV3G44TLxGW89l-WPHLHrKSA:1','20240330128cwyV3G44TLxGW89l-WPHLHrKSA','2024-03-30T12:15:49.000Z','yamada-m','OASA-MFP01','PC-ZAISEI-003','invoice 2024-05.pdf',4,2,1,2,1,0,'A4','papercut-logger',5,7);
INSERT INTO print_jobs VALUES(18,'20240330130HqQ0Xd6vEf0NnJeLa_kruBgmBc:1','20240330130HqQ0Xd6vEf0NnJeLa_kruBgmBc','2024-03-30T13:29:22.000Z','yamada-m','HONCHO-ZAISEI-MFP01','PC-OASA-004','事業計画書.docx',30,15,5,2,1,0,'B4','papercut-logger',5,8);
INSERT INTO print_jobs VALUES(19,'2024033014D1ISA_GrvnCIgefJhk9hhiBjRCs:1','2024033014D1ISA_GrvnCIgefJhk9hhiBjRCs','2024-03-30T14:46:53.000Z','takahashi-m','OASA-MFP01','PC-SOUMU-012','Report, final "v2".docx',30,30,3,1,1,0,'A3','papercut-logger',5,9);
INSERT INTO print_jobs VALUES(20,'2024033103uiaQymnTxKx9u2JzvQbxdzdWaPQ:1','2024033103uiaQymnTxKx9u2JzvQbxdzdWaPQ','2024-03-31T03:35:18.000Z','tanaka-h','TOYOHIRA-PRN01','PC-GEIHOKU-001','住民説明会 案内.docx',2,1,1,2,1,0,'A4','papercut-logger',6,3);
INSERT INTO print_jobs VALUES(21,'2024033110UDUSgoqjnWeWfQJC7E9j57gz6rs:1','2024033110UDUSgoqjnWeWfQJC7E9j57gz6rs','2024-03-31T10:08:55.000Z','ito-y','TOYOHIRA-PRN01','PC-ZAISEI-003','Report, final "v2".docx',8,4,1,2,1,0,'A4','papercut-logger',6,4);
INSERT INTO print_jobs VALUES(22,'2024040115LF3IBjWHbPjVvsTz7W8e-6irACE:1','2024040115LF3IBjWHbPjVvsTz7W8e-6irACE','2024-04-01T15:54:58.000Z','kato-n','HONCHO-ZAISEI-MFP01','PC-TOYOHIRA-002','回覧～全職員.pdf',10,10,10,1,1,1,'A4','papercut-logger',7,3);
INSERT INTO print_jobs VALUES(23,'2024040208psRIhmJT-z9d9Yjb1Uoo2x5J0ig:1','2024040208psRIhmJT-z9d9Yjb1Uoo2x5J0ig','2024-04-02T08:23:06.000Z','watanabe-r','HONCHO-SOUMU-MFP01','PC-ZAISEI-003','invoice 2024-05.pdf',10,10,1,1,1,0,'A3','papercut-logger',7,4);
INSERT INTO print_jobs VALUES(24,'2024040304TrGyL9QpRKLuWUfj4xCUBfL20hA:1','2024040304TrGyL9QpRKLuWUfj4xCUBfL20hA','2024-04-03T04:08:30.000Z','ito-y','OASA-MFP01','PC-OASA-004','令和6年度 予算資料.xlsx',9,9,3,1,1,0,'A4','papercut-logger',8,3);
INSERT INTO print_jobs VALUES(25,'2024040305HJfbQu7B875snzu2P2ikdaArwoU:1','2024040305HJfbQu7B875snzu2P2ikdaArwoU','2024-04-03T05:04:03.000Z','sato-k','HONCHO-ZAISEI-MFP01','PC-GEIHOKU-001','invoice 2024-05.pdf',17,9,1,2,1,0,'A4','papercut-logger',8,4);
INSERT INTO print_jobs VALUES(26,'2024040310bkOmVs5W2Dtm-P-j3uZ0Kwz01lg:1','2024040310bkOmVs5W2Dtm-P-j3uZ0Kwz01lg','2024-04-03T10:04:48.000Z','matsumoto-h','GEIHOKU-MFP01','PC-TOYOHIRA-002','㈱北広建設 見積書.pdf',155,155,5,1,1,0,'A4','papercut-logger',8,5);
INSERT INTO print_jobs VALUES(27,'2024040404VeuksiaZiNosA35Ds8u311wFFX8:1','2024040404VeuksiaZiNosA35Ds8u311wFFX8','2024-04-04T04:54:02.000Z','suzuki-a','TOYOHIRA-PRN01','PC-SOUMU-012','会議資料（第3回）.pdf',1,1,1,2,1,0,'A4','papercut-logger',9,3);
INSERT INTO print_jobs VALUES(28,'2024040411qCDUunWUTYLItkUN2j1M_wBs7fs:1','2024040411qCDUunWUTYLItkUN2j1M_wBs7fs','2024-04-04T11:06:18.000Z','sasaki-k','HONCHO-2F-PRN02','PC-TOYOHIRA-002','お知らせ 広報きたひろ 12月号.pdf',24,12,1,2,1,0,'A4','papercut-logger',9,4);
INSERT INTO print_jobs VALUES(29,'2024040414N0zt6KYLUgRPMrahM5alzBrbtuQ:1','2024040414N0zt6KYLUgRPMrahM5alzBrbtuQ','2024-04-04T14:05:16.000Z','takahashi-m','OASA-MFP01','PC-OASA-004','住民説明会 案内.docx',16,16,2,1,1,0,'A3','papercut-logger',9,5);
INSERT INTO print_jobs VALUES(30,'2024040418DXhD0Gvbzfnctd2S2kZLXV7GeO0:1','2024040418DXhD0Gvbzfnctd2S2kZLXV7GeO0','2024-04-04T18:27:24.000Z','suzuki-a','GEIHOKU-MFP01','PC-ZAISEI-003','住民説明会 案内.docx',3,3,1,1,1,0,'A3','papercut-logger',10,3);
INSERT INTO print_jobs VALUES(31,'2024040420RwcYjhRe6sVl7jK4MbYJAdqPWFU:1','2024040420RwcYjhRe6sVl7jK4MbYJAdqPWFU','2024-04-04T20:50:51.000Z','suzuki-a','OASA-MFP01','PC-TOYOHIRA-002','支出負担行為伺い.pdf',8,8,1,1,1,0,'A4','papercut-logger',10,4);
INSERT INTO print_jobs VALUES(32,'2024040510eHD6TnCi8yUl4URns5WBOCDJ-d4:1','2024040510eHD6TnCi8yUl4URns5WBOCDJ-d4','2024-04-05T10:06:10.000Z','kato-n','OASA-MFP01','PC-SOUMU-012','回覧～全職員.pdf',31,16,1,2,1,1,'A4','papercut-logger',10,5);
INSERT INTO print_jobs VALUES(33,'2024040519EZ0n8MIDdFBO3Pyat86FNhr6LnM:1','2024040519EZ0n8MIDdFBO3Pyat86FNhr6LnM','2024-04-05T19:11:49.000Z','tanaka-h','OASA-MFP01','PC-SOUMU-012','会議資料（第3回）.pdf',4,4,1,1,1,0,'A4','papercut-logger',11,3);
INSERT INTO print_jobs VALUES(34,'2024040523QB3kYzfXpa0HMYSeu2LtmJaFruM:1','2024040523QB3kYzfXpa0HMYSeu2LtmJaFruM','2024-04-05T23:36:42.000Z','takahashi-m','OASA-MFP01','PC-OASA-004','住民説明会 案内.docx',1,1,1,2,1,0,'A4','papercut-logger',11,4);
INSERT INTO print_jobs VALUES(35,'20240405236Ta1odbo3krt44AKJ_9hGdPwtGI:1','20240405236Ta1odbo3krt44AKJ_9hGdPwtGI','2024-04-05T23:49:53.000Z','yamamoto-s','GEIHOKU-MFP01','PC-TOYOHIRA-002','議会答弁書 ①.docx',6,6,1,1,1,0,'A4','papercut-logger',11,5);
INSERT INTO print_jobs VALUES(36,'2024040618Yd0AzQcDhYBNIu19ioXpmUc5jTI:1','2024040618Yd0AzQcDhYBNIu19ioXpmUc5jTI','2024-04-06T18:21:59.000Z','yoshida-j','HONCHO-2F-PRN02','PC-SOUMU-012','令和6年度 予算資料.xlsx',1,1,1,1,1,0,'A3','papercut-logger',12,3);
INSERT INTO print_jobs VALUES(37,'2024040702uaDFeoxPJKimSmXDEe2qAyFRs3I:1','2024040702uaDFeoxPJKimSmXDEe2qAyFRs3I','2024-04-07T02:23:44.000Z','watanabe-r','GEIHOKU-MFP01','PC-SOUMU-012','会議資料（第3回）.pdf',31,31,1,1,1,0,'A4','papercut-logger',12,4);
INSERT INTO print_jobs VALUES(38,'2024040709uguPYusjbwAnr9gONIr4D4oOn8g:1','2024040709uguPYusjbwAnr9gONIr4D4oOn8g','2024-04-07T09:03:50.000Z','ito-y','HONCHO-ZAISEI-MFP01','PC-TOYOHIRA-002','お知らせ 広報きたひろ 12月号.pdf',240,240,10,1,1,0,'A4','papercut-logger',12,5);
INSERT INTO print_jobs VALUES(39,'2024040718Tu_d86vq_iBJhR70AkwO46qSvTg:1','2024040718Tu_d86vq_iBJhR70AkwO46qSvTg','2024-04-07T18:35:07.000Z','kobayashi-e','HONCHO-ZAISEI-MFP01','PC-GEIHOKU-001','支出負担行為伺い.pdf',2,1,1,2,1,0,'B4','papercut-logger',13,3);
INSERT INTO print_jobs VALUES(40,'202404080747gTdtkvOJ1A95-pDkggtn4n47k:1','202404080747gTdtkvOJ1A95-pDkggtn4n47k','2024-04-08T07:22:18.000Z','suzuki-a','TOYOHIRA-PRN01','PC-TOYOHIRA-002','道路台帳 抜粋.pdf',3,2,1,2,1,0,'A4','papercut-logger',13,4);
INSERT INTO print_jobs VALUES(41,'2024093023v9R63qjTJxachsQuDM-aVh0YEKc:1','2024093023v9R63qjTJxachsQuDM-aVh0YEKc','2024-09-30T23:26:10.000Z','yamada-m','OASA-MFP01','','道路台帳 抜粋.pdf',12,3,1,1,4,0,'A4','csv',15,2);
INSERT INTO print_jobs VALUES(42,'20241001024n_84Y2Dj74lI85DbtT_xTqZoc8:1','20241001024n_84Y2Dj74lI85DbtT_xTqZoc8','2024-10-01T02:48:22.000Z','nakamura-t','TOYOHIRA-PRN01','','支出負担行為伺い.pdf',50,15,5,2,2,0,'B4','csv',15,3);
INSERT INTO print_jobs VALUES(43,'2024100105zgXMRlwTJ3g8B6qxwYeCNIfQuX0:1','2024100105zgXMRlwTJ3g8B6qxwYeCNIfQuX0','2024-10-01T05:50:59.000Z','ito-y','TOYOHIRA-PRN01','','回覧～全職員.pdf',31,4,1,2,4,0,'A4','csv',15,4);
INSERT INTO print_jobs VALUES(44,'2024100106ooC1scgI9NbrEQELobdidAnowbI:1','2024100106ooC1scgI9NbrEQELobdidAnowbI','2024-10-01T06:24:31.000Z','sato-k','GEIHOKU-MFP01','','事業計画書.docx',2,1,1,1,2,0,'A4','csv',15,5);
INSERT INTO print_jobs VALUES(45,'2024100111374hgYYERYbdoaFjkfrUcuBiPAE:1','2024100111374hgYYERYbdoaFjkfrUcuBiPAE','2024-10-01T11:59:06.000Z','matsumoto-h','GEIHOKU-MFP01','','支出負担行為伺い.pdf',51,27,3,2,1,0,'A4','csv',15,6);
INSERT INTO print_jobs VALUES(46,'2024100113skyBAepnTYceZYGMyAD3QAxIDYU:1','2024100113skyBAepnTYceZYGMyAD3QAxIDYU','2024-10-01T13:24:39.000Z','sasaki-k','TOYOHIRA-PRN01','','事業計画書.docx',2,2,1,1,1,0,'A4','csv',15,7);
INSERT INTO print_jobs VALUES(47,'2024100114mnTm30AHL1-8fHWAFuphQtvNgqA:1','2024100114mnTm30AHL1-8fHWAFuphQtvNgqA','2024-10-01T14:01:30.000Z','takahashi-m','OASA-MFP01','','議会答弁書 ①.docx',12,6,1,2,1,1,'A4','csv',15,8);
INSERT INTO print_jobs VALUES(48,'2024100114aPEZ91qSm3bW_5ilq4GesBbqPI8:1','2024100114aPEZ91qSm3bW_5ilq4GesBbqPI8','2024-10-01T14:02:20.000Z','yamamoto-s','OASA-MFP01','','令和6年度 予算資料.xlsx',18,6,3,1,4,0,'A4','csv',15,9);
INSERT INTO print_jobs VALUES(49,'202410012138KT3JDhTs_6iJ7zhgy7-suqHOc:1','202410012138KT3JDhTs_6iJ7zhgy7-suqHOc','2024-10-01T21:40:38.000Z','ito-y','GEIHOKU-MFP01','','議会答弁書 ①.docx',5,5,1,1,1,0,'A4','csv',15,10);
INSERT INTO print_jobs VALUES(50,'2024100202FbegQNFlsMitncEr9X5vqSTclxU:1','2024100202FbegQNFlsMitncEr9X5vqSTclxU','2024-10-02T02:17:49.000Z','watanabe-r','HONCHO-ZAISEI-MFP01','','住民説明会 案内.docx',36,36,3,1,1,0,'A4','csv',15,11);
INSERT INTO print_jobs VALUES(51,'2024100206pYwbQQq6_dCfCV20mVYkY7QlB7o:1','2024100206pYwbQQq6_dCfCV20mVYkY7QlB7o','2024-10-02T06:47:20.000Z','kobayashi-e','HONCHO-2F-PRN02','','事業計画書.docx',5,5,5,1,4,0,'A4','csv',15,12);
INSERT INTO print_jobs VALUES(52,'20241002081GTeWOiK4rQ_6vpvL0k9PB6hR1s:1','20241002081GTeWOiK4rQ_6vpvL0k9PB6hR1s','2024-10-02T08:23:01.000Z','watanabe-r','OASA-MFP01','','回覧～全職員.pdf',3,1,1,2,4,1,'A4','csv',15,13);
INSERT INTO print_jobs VALUES(53,'2024100211SiJu-VVIiOq3ygsInfccdNoIltE:1','2024100211SiJu-VVIiOq3ygsInfccdNoIltE','2024-10-02T11:52:42.000Z','takahashi-m','HONCHO-SOUMU-MFP01','','事業計画書.docx',3,3,3,2,1,1,'A4','csv',15,14);
INSERT INTO print_jobs VALUES(54,'2024100301JX_95uaq5fRSYbPy1pLw5-AeThE:1','2024100301JX_95uaq5fRSYbPy1pLw5-AeThE','2024-10-03T01:29:31.000Z','kobayashi-e','OASA-MFP01','','Report, final "v2".docx',3,3,1,1,1,0,'A4','csv',15,15);
INSERT INTO print_jobs VALUES(55,'2024100309-OBWNny7noHjiaJVfeAmvKQ6HSw:1','2024100309-OBWNny7noHjiaJVfeAmvKQ6HSw','2024-10-03T09:07:39.000Z','suzuki-a','TOYOHIRA-PRN01','','議会答弁書 ①.docx',50,50,5,1,1,0,'A3','csv',15,16);
INSERT INTO print_jobs VALUES(56,'2024100312txTuitFsQuUh7i2hmMmJTPYKTuU:1','2024100312txTuitFsQuUh7i2hmMmJTPYKTuU','2024-10-03T12:26:26.000Z','tanaka-h','HONCHO-SOUMU-MFP01','','㈱北広建設 見積書.pdf',1,1,1,2,1,0,'A4','csv',15,17);
INSERT INTO print_jobs VALUES(57,'2024100313-Iu2CTDfSEvuPZQAP-NXXDH9RS0:1','2024100313-Iu2CTDfSEvuPZQAP-NXXDH9RS0','2024-10-03T13:17:10.000Z','watanabe-r','HONCHO-SOUMU-MFP01','','事業計画書.docx',1,1,1,2,2,0,'A4','csv',15,18);
INSERT INTO print_jobs VALUES(58,'2024100320SpGvpBCIkdbOzLt0QttjvgJdrrI:1','2024100320SpGvpBCIkdbOzLt0QttjvgJdrrI','2024-10-03T20:52:26.000Z','watanabe-r','HONCHO-SOUMU-MFP01','','住民説明会 案内.docx',31,16,1,2,1,0,'A4','csv',15,19);
INSERT INTO print_jobs VALUES(59,'2024100404V9ELrohg4cKkyZm4HeApqmsk7nY:1','2024100404V9ELrohg4cKkyZm4HeApqmsk7nY','2024-10-04T04:50:24.000Z','suzuki-a','TOYOHIRA-PRN01','','議会答弁書 ①.docx',2,2,2,1,4,0,'A4','csv',15,20);
INSERT INTO print_jobs VALUES(60,'2024100407hpri__t59z2WGEVPZe01y_cF9Rc:1','2024100407hpri__t59z2WGEVPZe01y_cF9Rc','2024-10-04T07:02:26.000Z','watanabe-r','TOYOHIRA-PRN01','','invoice 2024-05.pdf',31,16,1,2,1,0,'B5','csv',15,21);
INSERT INTO print_jobs VALUES(61,'2024070208Qun4eKPfUodOeG7zr52ImE8FZpE:1','2024070208Qun4eKPfUodOeG7zr52ImE8FZpE','2024-07-02T08:38:49.000Z','tanaka-h','OASA-MFP01','10.1.2.12','支出負担行為伺い.pdf',10,10,1,1,1,NULL,'jis_b4_257x364mm','cups',16,1);
INSERT INTO print_jobs VALUES(62,'2024070209nCjnBcVqpjGL7H_tRAmSwLvQAjE:1','2024070209nCjnBcVqpjGL7H_tRAmSwLvQAjE','2024-07-02T09:00:48.000Z','watanabe-r','TOYOHIRA-PRN01','10.1.2.14','会議資料（第3回）.pdf',80,40,1,2,1,NULL,'iso_a4_210x297mm','cups',16,2);
INSERT INTO print_jobs VALUES(63,'2024070210aLhP5yDCo0gMpEhS3q1tMF2v96s:1','2024070210aLhP5yDCo0gMpEhS3q1tMF2v96s','2024-07-02T10:17:00.000Z','nakamura-t','GEIHOKU-MFP01','10.1.2.11','住民説明会 案内.docx',2,2,1,1,1,NULL,'iso_a3_297x420mm','cups',16,3);
INSERT INTO print_jobs VALUES(64,'2024070212xR70rqTN0EU0aJtrn29KxzJvQ_E:1','2024070212xR70rqTN0EU0aJtrn29KxzJvQ_E','2024-07-02T12:09:27.000Z','takahashi-m','GEIHOKU-MFP01','10.1.2.14','㈱北広建設 見積書.pdf',15,8,1,2,1,NULL,'iso_a4_210x297mm','cups',16,4);
INSERT INTO print_jobs VALUES(65,'2024070212LIWgz3qAjiB83Ux4xePDdj6JTbc:1','2024070212LIWgz3qAjiB83Ux4xePDdj6JTbc','2024-07-02T12:09:39.000Z','tanaka-h','HONCHO-SOUMU-MFP01','10.1.2.12','回覧～全職員.pdf',3,3,1,1,1,NULL,'iso_a4_210x297mm','cups',16,5);
INSERT INTO print_jobs VALUES(66,'2024070214DT4EILOjikqfvju9jW4Ic0vjEKY:1','2024070214DT4EILOjikqfvju9jW4Ic0vjEKY','2024-07-02T14:37:51.000Z','yamamoto-s','HONCHO-ZAISEI-MFP01','10.1.2.13','令和6年度 予算資料.xlsx',1,1,1,2,1,NULL,'iso_a4_210x297mm','cups',16,6);
INSERT INTO print_jobs VALUES(67,'2024070218OIXsbmCXJSjTKOzE58Cg3Zn72tQ:1','2024070218OIXsbmCXJSjTKOzE58Cg3Zn72tQ','2024-07-02T18:00:31.000Z','kato-n','GEIHOKU-MFP01','10.1.2.14','住民説明会 案内.docx',1,1,1,1,1,NULL,'iso_a4_210x297mm','cups',16,7);
INSERT INTO print_jobs VALUES(68,'20240703006J0UX_cA16p98yt2_bY7k_MiWfY:1','20240703006J0UX_cA16p98yt2_bY7k_MiWfY','2024-07-03T00:52:57.000Z','tanaka-h','OASA-MFP01','10.1.2.12','お知らせ 広報きたひろ 12月号.pdf',24,12,1,2,1,NULL,'iso_a4_210x297mm','cups',16,8);
INSERT INTO print_jobs VALUES(69,'2024070302jS-oJ8OxOJQheTsJzTrP4et5bCM:1','2024070302jS-oJ8OxOJQheTsJzTrP4et5bCM','2024-07-03T02:33:23.000Z','yamamoto-s','HONCHO-SOUMU-MFP01','10.1.2.13','令和6年度 予算資料.xlsx',25,13,1,2,1,NULL,'iso_a4_210x297mm','cups',16,9);
INSERT INTO print_jobs VALUES(70,'2024070305xUHCGz9bhQvvYuZqi72S6EhBvZs:1','2024070305xUHCGz9bhQvvYuZqi72S6EhBvZs','2024-07-03T05:13:51.000Z','yoshida-j','GEIHOKU-MFP01','10.1.2.11','㈱北広建設 見積書.pdf',10,10,1,1,1,NULL,'iso_a4_210x297mm','cups',16,10);
INSERT INTO print_jobs VALUES(71,'2024080500cV-9msrmi0QbQxw9rW6l8FKNfos:1','2024080500cV-9msrmi0QbQxw9rW6l8FKNfos','2024-08-05T00:05:45.000Z','kobayashi-e','HONCHO-ZAISEI-MFP01','10.1.2.15','Report, final "v2".docx',30,15,5,2,1,NULL,'iso_a4_210x297mm','cups',17,1);
INSERT INTO print_jobs VALUES(72,'20240805001-UHx1QKBNmxXgzJJoEPq0xOACA:1','20240805001-UHx1QKBNmxXgzJJoEPq0xOACA','2024-08-05T00:06:25.000Z','ito-y','HONCHO-ZAISEI-MFP01','10.1.2.12','住民説明会 案内.docx',1,1,1,1,1,NULL,'iso_a4_210x297mm','cups',17,7);
INSERT INTO print_jobs VALUES(73,'2024080502mk-_A-t5VivTRjR9Svx8YKLRNPg:1','2024080502mk-_A-t5VivTRjR9Svx8YKLRNPg','2024-08-05T02:11:27.000Z','yoshida-j','HONCHO-SOUMU-MFP01','10.1.2.15','回覧～全職員.pdf',6,3,1,2,1,NULL,'iso_a4_210x297mm','cups',17,8);
INSERT INTO print_jobs VALUES(74,'2024080503ckFQzVWSt72W1IKNChj0fMUk9LI:1','2024080503ckFQzVWSt72W1IKNChj0fMUk9LI','2024-08-05T03:28:05.000Z','kobayashi-e','HONCHO-SOUMU-MFP01','10.1.2.11','道路台帳 抜粋.pdf',1,1,1,1,1,NULL,'jis_b4_257x364mm','cups',17,14);
INSERT INTO print_jobs VALUES(75,'2024080505S8jiD3e5M1hoGGCrboSG7ZsWi40:1','2024080505S8jiD3e5M1hoGGCrboSG7ZsWi40','2024-08-05T05:21:53.000Z','tanaka-h','TOYOHIRA-PRN01','10.1.2.15','議会答弁書 ①.docx',1,1,1,1,1,NULL,'iso_a4_210x297mm','cups',17,15);
INSERT INTO print_jobs VALUES(76,'2024080505QaFL3vL6CZRyVxAyf5ju9nefT4M:1','2024080505QaFL3vL6CZRyVxAyf5ju9nefT4M','2024-08-05T05:25:50.000Z','matsumoto-h','GEIHOKU-MFP01','10.1.2.12','事業計画書.docx',2,2,1,1,1,NULL,'iso_a3_297x420mm','cups',17,16);
INSERT INTO print_jobs VALUES(77,'2024080506lDg3ETiUrdNedvdeWvJVodww-cE:1','2024080506lDg3ETiUrdNedvdeWvJVodww-cE','2024-08-05T06:30:44.000Z','sasaki-k','HONCHO-SOUMU-MFP01','10.1.2.14','会議資料（第3回）.pdf',4,4,1,1,1,NULL,'iso_a4_210x297mm','cups',17,18);
INSERT INTO print_jobs VALUES(78,'2024080506XoSc0mmvaZOKz9FlNTx62_zmQiU:1','2024080506XoSc0mmvaZOKz9FlNTx62_zmQiU','2024-08-05T06:48:01.000Z','kobayashi-e','GEIHOKU-MFP01','10.1.2.15','回覧～全職員.pdf',1,1,1,1,1,NULL,'iso_a4_210x297mm','cups',17,22);
INSERT INTO print_jobs VALUES(79,'2024080508ReqUm7jCjNWh6qEPysPQAWAgquQ:1','2024080508ReqUm7jCjNWh6qEPysPQAWAgquQ','2024-08-05T08:30:22.000Z','matsumoto-h','HONCHO-2F-PRN02','10.1.2.13','支出負担行為伺い.pdf',3,3,1,1,1,NULL,'iso_a4_210x297mm','cups',17,23);
INSERT INTO print_jobs VALUES(80,'2024080508JNPcjZNzutky14okNMoFePhxO-I:1','2024080508JNPcjZNzutky14okNMoFePhxO-I','2024-08-05T08:57:24.000Z','sato-k','OASA-MFP01','10.1.2.12','令和6年度 予算資料.xlsx',10,10,5,1,1,NULL,'iso_a4_210x297mm','cups',17,26);
INSERT INTO print_jobs VALUES(81,'2024070102JTm_4IblpPSi7SQevcal7-IMp1w:1','2024070102JTm_4IblpPSi7SQevcal7-IMp1w','2024-07-01T02:18:18.000Z','suzuki-a','HONCHO-2F-PRN02','10.1.2.12','道路台帳 抜粋.pdf',5,3,1,2,1,NULL,'iso_a4_210x297mm','cups',18,1);
INSERT INTO print_jobs VALUES(82,'2024070106WPWUs0CRP9MizwdjLnbb3uKpIvI:1','2024070106WPWUs0CRP9MizwdjLnbb3uKpIvI','2024-07-01T06:10:55.000Z','yamada-m','HONCHO-SOUMU-MFP01','10.1.2.11','道路台帳 抜粋.pdf',12,12,1,1,1,NULL,'iso_a4_210x297mm','cups',18,2);
INSERT INTO print_jobs VALUES(83,'20240701104_8AJ1ceeXkry0psAUm66g_B_j0:1','20240701104_8AJ1ceeXkry0psAUm66g_B_j0','2024-07-01T10:04:24.000Z','takahashi-m','HONCHO-2F-PRN02','10.1.2.14','会議資料（第3回）.pdf',10,10,1,1,1,NULL,'iso_a4_210x297mm','cups',18,3);
INSERT INTO print_jobs VALUES(84,'2024070111pTE_I-Pvewzy5_akoJKjmuBQwl8:1','2024070111pTE_I-Pvewzy5_akoJKjmuBQwl8','2024-07-01T11:21:05.000Z','nakamura-t','OASA-MFP01','10.1.2.15','事業計画書.docx',1,1,1,2,1,NULL,'iso_a4_210x297mm','cups',18,4);
INSERT INTO print_jobs VALUES(85,'2024070117RPG7lhL0LyIxThCtBYnFuaV5uRs:1','2024070117RPG7lhL0LyIxThCtBYnFuaV5uRs','2024-07-01T17:53:07.000Z','watanabe-r','OASA-MFP01','10.1.2.13','Report, final "v2".docx',6,3,1,2,1,NULL,'iso_a4_210x297mm','cups',18,5);
INSERT INTO print_jobs VALUES(86,'2024070118cxbDURa8KCkhg5Imh0FWIcg8fiE:1','2024070118cxbDURa8KCkhg5Imh0FWIcg8fiE','2024-07-01T18:15:58.000Z','yamada-m','HONCHO-ZAISEI-MFP01','10.1.2.14','invoice 2024-05.pdf',12,12,1,1,1,NULL,'iso_a3_297x420mm','cups',18,6);
INSERT INTO print_jobs VALUES(87,'2024070118UfjyqSuPsWT74HDJd9k4jlSeSOo:1','2024070118UfjyqSuPsWT74HDJd9k4jlSeSOo','2024-07-01T18:43:13.000Z','watanabe-r','GEIHOKU-MFP01','10.1.2.13','議会答弁書 ①.docx',2,2,1,1,1,NULL,'jis_b4_257x364mm','cups',18,7);
INSERT INTO print_jobs VALUES(88,'2024070121qhin--b7HpIqzUOcC7qFkPD4AXg:1','2024070121qhin--b7HpIqzUOcC7qFkPD4AXg','2024-07-01T21:06:44.000Z','kato-n','TOYOHIRA-PRN01','10.1.2.13','invoice 2024-05.pdf',2,2,1,1,1,NULL,'iso_a4_210x297mm','cups',18,8);
INSERT INTO print_jobs VALUES(89,'2024070204vbINdVz9Lh2v0X2F7i9FAiQfhJ0:1','2024070204vbINdVz9Lh2v0X2F7i9FAiQfhJ0','2024-07-02T04:56:17.000Z','yamada-m','GEIHOKU-MFP01','10.1.2.14','議会答弁書 ①.docx',17,9,1,2,1,NULL,'iso_a4_210x297mm','cups',18,9);
INSERT INTO print_jobs VALUES(90,'20240702052rwD_PrwoJXdx9rbsWB3aRONjkY:1','20240702052rwD_PrwoJXdx9rbsWB3aRONjkY','2024-07-02T05:46:21.000Z','suzuki-a','HONCHO-SOUMU-MFP01','10.1.2.13','Report, final "v2".docx',3,3,1,1,1,NULL,'iso_a4_210x297mm','cups',18,10);
INSERT INTO print_jobs VALUES(91,'202405010533IaqmMaENrzCfnfr4BvF73Pk2Y:1','202405010533IaqmMaENrzCfnfr4BvF73Pk2Y','2024-05-01T05:48:05.000Z','suzuki-a','OASA-MFP01','PC-TOYOHIRA-002','invoice 2024-05.pdf',51,27,3,2,1,0,'A4','papercut-logger',19,3);
INSERT INTO print_jobs VALUES(92,'2024050107vZ9JhyjU0oOIDgRrjVb_zYWSMZ8:1','2024050107vZ9JhyjU0oOIDgRrjVb_zYWSMZ8','2024-05-01T07:57:03.000Z','yamamoto-s','HONCHO-SOUMU-MFP01','PC-GEIHOKU-001','お知らせ 広報きたひろ 12月号.pdf',24,24,1,1,1,1,'A4','papercut-logger',19,5);
INSERT INTO print_jobs VALUES(93,'2024050110elEf9Emp7vsKWUDUmQCjVHD1bj8:1','2024050110elEf9Emp7vsKWUDUmQCjVHD1bj8','2024-05-01T10:01:29.000Z','ito-y','HONCHO-2F-PRN02','PC-OASA-004','回覧～全職員.pdf',24,12,1,2,1,0,'A4','papercut-logger',19,7);
INSERT INTO print_jobs VALUES(94,'2024050110XcfQDqESkLSgt8w_cQWY1J_8pcE:1','2024050110XcfQDqESkLSgt8w_cQWY1J_8pcE','2024-05-01T10:31:55.000Z','suzuki-a','OASA-MFP01','PC-ZAISEI-003','住民説明会 案内.docx',17,17,1,1,1,0,'A4','papercut-logger',19,9);
INSERT INTO print_jobs VALUES(95,'2024050111VrnbZDdqe211DtC7Tr9BMlbDND4:1','2024050111VrnbZDdqe211DtC7Tr9BMlbDND4','2024-05-01T11:10:21.000Z','ito-y','HONCHO-SOUMU-MFP01','PC-TOYOHIRA-002','invoice 2024-05.pdf',2,2,1,1,1,1,'A4','papercut-logger',19,11);
INSERT INTO print_jobs VALUES(96,'2024050120EIQQNrOMkiZvYVm2nBJwIPNSxK0:1','2024050120EIQQNrOMkiZvYVm2nBJwIPNSxK0','2024-05-01T20:04:51.000Z','sasaki-k','HONCHO-2F-PRN02','PC-TOYOHIRA-002','道路台帳 抜粋.pdf',62,62,2,1,1,0,'A4','papercut-logger',19,13);
INSERT INTO print_jobs VALUES(97,'2024050203QUvfRMaAQctOjkMZT9Ml-VJJApc:1','2024050203QUvfRMaAQctOjkMZT9Ml-VJJApc','2024-05-02T03:51:44.000Z','sato-k','HONCHO-2F-PRN02','PC-OASA-004','お知らせ 広報きたひろ 12月号.pdf',1,1,1,1,1,0,'A4','papercut-logger',19,14);
INSERT INTO print_jobs VALUES(98,'2024050205iReSlC1H0pEioXLXsT6g6vMda7A:1','2024050205iReSlC1H0pEioXLXsT6g6vMda7A','2024-05-02T05:50:35.000Z','sasaki-k','HONCHO-SOUMU-MFP01','PC-OASA-004','Report, final "v2".docx',6,6,1,1,1,0,'B4','papercut-logger',19,15);
INSERT INTO print_jobs VALUES(99,'2024050207gUC5isrznCnknKdhyANQrutXsfw:1','2024050207gUC5isrznCnknKdhyANQrutXsfw','2024-05-02T07:31:52.000Z','tanaka-h','GEIHOKU-MFP01','PC-GEIHOKU-001','住民説明会 案内.docx',2,1,1,2,1,0,'A3','papercut-logger',19,16);
INSERT INTO print_jobs VALUES(100,'2024050208zpmzMmhOoDMHHmlRa7R1aBe6Vfo:1','2024050208zpmzMmhOoDMHHmlRa7R1aBe6Vfo','2024-05-02T08:32:43.000Z','kato-n','HONCHO-SOUMU-MFP01','PC-SOUMU-012','事業計画書.docx',9,6,3,2,1,1,'A4','papercut-logger',19,17);
INSERT INTO print_jobs VALUES(101,'2024090115wckaa6CqpINC7dSMikyoyDmkONY:1','2024090115wckaa6CqpINC7dSMikyoyDmkONY','2024-09-01T15:23:48.000Z','matsumoto-h','HONCHO-SOUMU-MFP01','PC-TOYOHIRA-002','令和6年度 予算資料.xlsx',1,1,1,NULL,1,0,'','papercut-ng',21,1);
INSERT INTO print_jobs VALUES(102,'2024090117LgUD7XGAd_RHPcG8mkCOkQ7T1JU:1','2024090117LgUD7XGAd_RHPcG8mkCOkQ7T1JU','2024-09-01T17:35:23.000Z','sasaki-k','HONCHO-ZAISEI-MFP01','PC-TOYOHIRA-002','事業計画書.docx',3,3,1,NULL,1,0,'','papercut-ng',21,2);
INSERT INTO print_jobs VALUES(103,'2024090119mXdGgOk9ZO87daOF_qnZjPgxXYI:1','2024090119mXdGgOk9ZO87daOF_qnZjPgxXYI','2024-09-01T19:31:12.000Z','yamamoto-s','HONCHO-2F-PRN02','PC-OASA-004','invoice 2024-05.pdf',6,6,1,NULL,1,1,'','papercut-ng',21,3);
INSERT INTO print_jobs VALUES(104,'2024090120J3bZGZTn76gIoSAHHn06BslIu9c:1','2024090120J3bZGZTn76gIoSAHHn06BslIu9c','2024-09-01T20:29:57.000Z','yoshida-j','HONCHO-ZAISEI-MFP01','PC-TOYOHIRA-002','住民説明会 案内.docx',31,31,1,NULL,1,0,'','papercut-ng',21,4);
INSERT INTO print_jobs VALUES(105,'2024090201HPh6Wn8w1cDnsuWrvrdjuHm13wg:1','2024090201HPh6Wn8w1cDnsuWrvrdjuHm13wg','2024-09-02T01:00:39.000Z','sasaki-k','HONCHO-SOUMU-MFP01','PC-TOYOHIRA-002','道路台帳 抜粋.pdf',20,20,1,NULL,1,0,'','papercut-ng',21,5);
INSERT INTO print_jobs VALUES(106,'2024090201ZTDsFCgVKKRo6LOU04lKCNccFeU:1','2024090201ZTDsFCgVKKRo6LOU04lKCNccFeU','2024-09-02T01:15:49.000Z','matsumoto-h','HONCHO-SOUMU-MFP01','PC-ZAISEI-003','道路台帳 抜粋.pdf',24,24,1,NULL,1,0,'','papercut-ng',21,6);
INSERT INTO print_jobs VALUES(107,'2024090202u5-Kjoh-NyrA8wnKtOZakzIE4xA:1','2024090202u5-Kjoh-NyrA8wnKtOZakzIE4xA','2024-09-02T02:37:44.000Z','matsumoto-h','GEIHOKU-MFP01','PC-GEIHOKU-001','支出負担行為伺い.pdf',31,31,1,NULL,1,0,'','papercut-ng',21,7);
INSERT INTO print_jobs VALUES(108,'2024090202Xt7qKjBJnSyHj-pFVTn_pTbQgvk:1','2024090202Xt7qKjBJnSyHj-pFVTn_pTbQgvk','2024-09-02T02:55:36.000Z','yamamoto-s','GEIHOKU-MFP01','PC-GEIHOKU-001','お知らせ 広報きたひろ 12月号.pdf',31,31,1,NULL,1,0,'','papercut-ng',21,8);
INSERT INTO print_jobs VALUES(109,'2024090202vsFauUVQ05hJ-xiCY-NIJTRhWvM:1','2024090202vsFauUVQ05hJ-xiCY-NIJTRhWvM','2024-09-02T02:56:13.000Z','yamamoto-s','HONCHO-ZAISEI-MFP01','PC-SOUMU-012','事業計画書.docx',6,6,1,NULL,1,0,'','papercut-ng',21,9);
INSERT INTO print_jobs VALUES(110,'2024090203Qei2RASsGUHbimgqydJDc1NvWe0:1','2024090203Qei2RASsGUHbimgqydJDc1NvWe0','2024-09-02T03:00:34.000Z','kato-n','OASA-MFP01','PC-TOYOHIRA-002','invoice 2024-05.pdf',4,4,1,NULL,1,0,'','papercut-ng',21,10);
INSERT INTO print_jobs VALUES(111,'2024090203r2oyDJ7g3Jmn26qN-2Omy2H39-Y:1','2024090203r2oyDJ7g3Jmn26qN-2Omy2H39-Y','2024-09-02T03:55:18.000Z','takahashi-m','HONCHO-2F-PRN02','PC-SOUMU-012','お知らせ 広報きたひろ 12月号.pdf',1,1,1,NULL,1,0,'','papercut-ng',21,11);
INSERT INTO print_jobs VALUES(112,'2024090204XhHeNfX7QEkTZ-OIQlwjT6s76Jw:1','2024090204XhHeNfX7QEkTZ-OIQlwjT6s76Jw','2024-09-02T04:20:31.000Z','sasaki-k','OASA-MFP01','PC-TOYOHIRA-002','お知らせ 広報きたひろ 12月号.pdf',4,4,1,NULL,1,0,'','papercut-ng',21,12);
INSERT INTO print_jobs VALUES(113,'2024090204e04efeYRCcJPzjwItcqoyrwwIbA:1','2024090204e04efeYRCcJPzjwItcqoyrwwIbA','2024-09-02T04:56:16.000Z','kato-n','TOYOHIRA-PRN01','PC-TOYOHIRA-002','議会答弁書 ①.docx',5,5,1,NULL,1,0,'','papercut-ng',21,13);
INSERT INTO print_jobs VALUES(114,'2024090207HYEGS8C8Tap-LAnhWPyyBgVfIfg:1','2024090207HYEGS8C8Tap-LAnhWPyyBgVfIfg','2024-09-02T07:32:00.000Z','kobayashi-e','HONCHO-ZAISEI-MFP01','PC-GEIHOKU-001','道路台帳 抜粋.pdf',1,1,1,NULL,1,0,'','papercut-ng',21,14);
INSERT INTO print_jobs VALUES(115,'2024090207sKgI_m14aVLOgczbCGTvTAXJtTE:1','2024090207sKgI_m14aVLOgczbCGTvTAXJtTE','2024-09-02T07:37:05.000Z','yamamoto-s','GEIHOKU-MFP01','PC-GEIHOKU-001','道路台帳 抜粋.pdf',155,155,1,NULL,1,1,'','papercut-ng',21,15);
INSERT INTO print_jobs VALUES(116,'2024090208klu_W5ke4HeR9GB3AzdPwSkaUtk:1','2024090208klu_W5ke4HeR9GB3AzdPwSkaUtk','2024-09-02T08:32:54.000Z','matsumoto-h','HONCHO-SOUMU-MFP01','PC-OASA-004','議会答弁書 ①.docx',5,5,1,NULL,1,0,'','papercut-ng',21,16);
INSERT INTO print_jobs VALUES(117,'2024090209owW3A4X5oEfX94dHUVu5_ZB5_UI:1','2024090209owW3A4X5oEfX94dHUVu5_ZB5_UI','2024-09-02T09:19:34.000Z','sasaki-k','HONCHO-2F-PRN02','PC-OASA-004','回覧～全職員.pdf',17,17,1,NULL,1,1,'','papercut-ng',21,17);
INSERT INTO print_jobs VALUES(118,'2024090210bwbzzy6i3Gh1sv_GULEmjBwX_0E:1','2024090210bwbzzy6i3Gh1sv_GULEmjBwX_0E','2024-09-02T10:01:10.000Z','tanaka-h','HONCHO-ZAISEI-MFP01','PC-GEIHOKU-001','㈱北広建設 見積書.pdf',24,24,1,NULL,1,0,'','papercut-ng',21,18);
INSERT INTO print_jobs VALUES(119,'2024090210Hi9uE_SfTl0Iv4TgwOfdsdQTruw:1','2024090210Hi9uE_SfTl0Iv4TgwOfdsdQTruw','2024-09-02T10:14:20.000Z','ito-y','OASA-MFP01','PC-GEIHOKU-001','事業計画書.docx',40,40,1,NULL,1,0,'','papercut-ng',21,19);
INSERT INTO print_jobs VALUES(120,'20240902116hEH58KAY99it2mtQq1lzAStGqc:1','20240902116hEH58KAY99it2mtQq1lzAStGqc','2024-09-02T11:56:58.000Z','takahashi-m','TOYOHIRA-PRN01','PC-OASA-004','Report, final "v2".docx',12,12,1,NULL,1,1,'','papercut-ng',21,20);
INSERT INTO print_jobs VALUES(121,'2024033111evAeQZisAUZyTrYDBXaoZTggxGg:1','2024033111evAeQZisAUZyTrYDBXaoZTggxGg','2024-03-31T11:08:10.000Z','takahashi-m','HONCHO-ZAISEI-MFP01','PC-GEIHOKU-001','回覧～全職員.pdf',10,10,1,NULL,1,NULL,'','windows-307',22,1);
INSERT INTO print_jobs VALUES(122,'2024033112GakUoUh0_VrLTw46vigdRVfj6D0:1','2024033112GakUoUh0_VrLTw46vigdRVfj6D0','2024-03-31T12:37:28.000Z','kobayashi-e','OASA-MFP01','PC-GEIHOKU-001','道路台帳 抜粋.pdf',2,2,1,NULL,1,NULL,'','windows-307',22,1);
INSERT INTO print_jobs VALUES(123,'2024033114D5bc2dFgEbJEXfMv5SPqtkfTBwY:1','2024033114D5bc2dFgEbJEXfMv5SPqtkfTBwY','2024-03-31T14:08:03.000Z','sato-k','OASA-MFP01','PC-ZAISEI-003','議会答弁書 ①.docx',20,20,1,NULL,1,NULL,'','windows-307',22,1);
INSERT INTO print_jobs VALUES(124,'2024033114D9YdBpalBCKGdcs-6M7iAN6ytus:1','2024033114D9YdBpalBCKGdcs-6M7iAN6ytus','2024-03-31T14:13:57.000Z','yamada-m','TOYOHIRA-PRN01','PC-OASA-004','invoice 2024-05.pdf',1,1,1,NULL,1,NULL,'','windows-307',22,1);
INSERT INTO print_jobs VALUES(125,'2024033115n6OT9vSfQzL881Is4rrdF2zl6EY:1','2024033115n6OT9vSfQzL881Is4rrdF2zl6EY','2024-03-31T15:15:04.000Z','sato-k','HONCHO-ZAISEI-MFP01','PC-GEIHOKU-001','Report, final "v2".docx',6,6,1,NULL,1,NULL,'','windows-307',22,1);
INSERT INTO print_jobs VALUES(126,'2024033116LvhjV6WgnssiOYCzAEBKUjmixAQ:1','2024033116LvhjV6WgnssiOYCzAEBKUjmixAQ','2024-03-31T16:02:27.000Z','yoshida-j','GEIHOKU-MFP01','PC-GEIHOKU-001','Report, final "v2".docx',6,6,1,NULL,1,NULL,'','windows-307',22,1);
INSERT INTO print_jobs VALUES(127,'2024033116b4lwx8ZwuoOH7A5uszEKCQUF78o:1','2024033116b4lwx8ZwuoOH7A5uszEKCQUF78o','2024-03-31T16:46:30.000Z','sasaki-k','HONCHO-2F-PRN02','PC-SOUMU-012','議会答弁書 ①.docx',12,12,1,NULL,1,NULL,'','windows-307',22,1);
INSERT INTO print_jobs VALUES(128,'2024033118PJsbCYfBVTIIMbVd6vv4wKjJuWo:1','2024033118PJsbCYfBVTIIMbVd6vv4wKjJuWo','2024-03-31T18:14:30.000Z','nakamura-t','HONCHO-ZAISEI-MFP01','PC-OASA-004','Report, final "v2".docx',4,4,1,NULL,1,NULL,'','windows-307',22,1);
INSERT INTO print_jobs VALUES(129,'2024033118Gxs42UL_L3LLnZHC1lKFOOgqWzc:1','2024033118Gxs42UL_L3LLnZHC1lKFOOgqWzc','2024-03-31T18:18:05.000Z','takahashi-m','HONCHO-SOUMU-MFP01','PC-OASA-004','invoice 2024-05.pdf',6,6,1,NULL,1,NULL,'','windows-307',22,1);
INSERT INTO print_jobs VALUES(130,'2024033118NShu2kuMW5FAnyZuRj_YcLIq8N8:1','2024033118NShu2kuMW5FAnyZuRj_YcLIq8N8','2024-03-31T18:58:45.000Z','takahashi-m','GEIHOKU-MFP01','PC-TOYOHIRA-002','令和6年度 予算資料.xlsx',4,4,1,NULL,1,NULL,'','windows-307',22,1);
INSERT INTO print_jobs VALUES(131,'2024033119PHiMQoC1wifhVf34VlKXiC-Gf-s:1','2024033119PHiMQoC1wifhVf34VlKXiC-Gf-s','2024-03-31T19:50:50.000Z','matsumoto-h','HONCHO-2F-PRN02','PC-ZAISEI-003','住民説明会 案内.docx',2,2,1,NULL,1,NULL,'','windows-307',22,1);
INSERT INTO print_jobs VALUES(132,'20240331206LT3w7Y__3gIiM1bASCKood9R4c:1','20240331206LT3w7Y__3gIiM1bASCKood9R4c','2024-03-31T20:07:06.000Z','matsumoto-h','TOYOHIRA-PRN01','PC-OASA-004','住民説明会 案内.docx',6,6,1,NULL,1,NULL,'','windows-307',22,1);
INSERT INTO print_jobs VALUES(133,'20240331206E1oHWxtLlvL097eGh9MAfGhH-o:1','20240331206E1oHWxtLlvL097eGh9MAfGhH-o','2024-03-31T20:37:28.000Z','kato-n','GEIHOKU-MFP01','PC-ZAISEI-003','議会答弁書 ①.docx',17,17,1,NULL,1,NULL,'','windows-307',22,1);
INSERT INTO print_jobs VALUES(134,'2024033121WRtkdZirVWWCXb5Hu-R5Xc0yPyo:1','2024033121WRtkdZirVWWCXb5Hu-R5Xc0yPyo','2024-03-31T21:16:07.000Z','kobayashi-e','HONCHO-2F-PRN02','PC-ZAISEI-003','会議資料（第3回）.pdf',6,6,1,NULL,1,NULL,'','windows-307',22,1);
INSERT INTO print_jobs VALUES(135,'2024033122DBc25zyERZgW1pkz1j_oXWaUNx4:1','2024033122DBc25zyERZgW1pkz1j_oXWaUNx4','2024-03-31T22:08:57.000Z','sasaki-k','OASA-MFP01','PC-GEIHOKU-001','令和6年度 予算資料.xlsx',1,1,1,NULL,1,NULL,'','windows-307',22,1);
INSERT INTO print_jobs VALUES(136,'2024033122hYhmLtg2IfS3Gg5Z2Ypk_0PxCvc:1','2024033122hYhmLtg2IfS3Gg5Z2Ypk_0PxCvc','2024-03-31T22:38:04.000Z','watanabe-r','TOYOHIRA-PRN01','PC-TOYOHIRA-002','回覧～全職員.pdf',5,5,1,NULL,1,NULL,'','windows-307',22,1);
INSERT INTO print_jobs VALUES(137,'20240331222BYab5CF8XRwFOfnobmb5YMnqjY:1','20240331222BYab5CF8XRwFOfnobmb5YMnqjY','2024-03-31T22:48:42.000Z','ito-y','TOYOHIRA-PRN01','PC-TOYOHIRA-002','事業計画書.docx',310,310,1,NULL,1,NULL,'','windows-307',22,1);
INSERT INTO print_jobs VALUES(138,'2024033123pESWn5r8MIxoFhFDA2KLU80PJaw:1','2024033123pESWn5r8MIxoFhFDA2KLU80PJaw','2024-03-31T23:29:51.000Z','kato-n','OASA-MFP01','PC-OASA-004','事業計画書.docx',12,12,1,NULL,1,NULL,'','windows-307',22,1);
INSERT INTO print_jobs VALUES(139,'2024040100_U1lhYIngszJ_MeIKSbKDBC_Y9Y:1','2024040100_U1lhYIngszJ_MeIKSbKDBC_Y9Y','2024-04-01T00:18:54.000Z','watanabe-r','OASA-MFP01','PC-SOUMU-012','道路台帳 抜粋.pdf',12,12,1,NULL,1,NULL,'','windows-307',22,1);
INSERT INTO print_jobs VALUES(140,'2024040102Q5qHvk7SkAkrcHkvwtHubWzGvzo:1','2024040102Q5qHvk7SkAkrcHkvwtHubWzGvzo','2024-04-01T02:05:25.000Z','nakamura-t','TOYOHIRA-PRN01','PC-ZAISEI-003','道路台帳 抜粋.pdf',10,10,1,NULL,1,NULL,'','windows-307',22,1);
INSERT INTO print_jobs VALUES(141,'2024033115ey8rkde6hfFvR5zVqpRwtM4q2lM:1','2024033115ey8rkde6hfFvR5zVqpRwtM4q2lM','2024-03-31T15:30:00.000Z','yoshida-j','GEIHOKU-MFP01','PC-GEIHOKU-001','住民説明会 案内.docx',17,17,1,NULL,1,NULL,'','windows-307',22,1);
CREATE TABLE job_sightings (
  file_id      INTEGER NOT NULL REFERENCES log_files(id),
  line         INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  k            INTEGER NOT NULL,
  n            INTEGER NOT NULL,
  job_id       INTEGER NOT NULL REFERENCES print_jobs(id),
  PRIMARY KEY (file_id, line, content_hash, k)
) STRICT, WITHOUT ROWID;
INSERT INTO job_sightings VALUES(1,3,'2024032500oow5J83n597gy2DryHeqWeh6dPE',1,1,1);
INSERT INTO job_sightings VALUES(1,4,'2024032504a4YbS88-w9yyg5BKD8s36RdpKqY',1,1,2);
INSERT INTO job_sightings VALUES(1,5,'2024032512xOfoMYhgJogrP4_DlS6xeZ-namE',1,1,3);
INSERT INTO job_sightings VALUES(1,6,'2024032513PzinSw04uu0PNSkOlVUsVOe4yKo',1,1,4);
INSERT INTO job_sightings VALUES(2,3,'2024032515X71q2V7C-LqAHTUcDi-q3QgOcZ0',1,1,5);
INSERT INTO job_sightings VALUES(2,4,'2024032515I2mdds6nlS6zfClpblIwWT8thjg',1,1,6);
INSERT INTO job_sightings VALUES(2,5,'2024032516vG5rfWKYYu_JwiP8cfbDvpHN8eQ',1,1,7);
INSERT INTO job_sightings VALUES(2,6,'2024032611RoQTq2up83EGH1LiY8ciCZaB48E',1,1,8);
INSERT INTO job_sightings VALUES(3,3,'2024032705x3LmDvJ0cgdeder3dulpdrbHNyw',1,1,9);
INSERT INTO job_sightings VALUES(3,4,'20240327106gLJivAXEsBKJVagfI-1_sRL-6c',1,1,10);
INSERT INTO job_sightings VALUES(4,3,'2024032719lHHMtLmG9Tv9aZ0fepv9ZZjBWeE',1,1,11);
INSERT INTO job_sightings VALUES(4,4,'2024032805eimCrKwiBgRo83SKvo_xWOrSh4o',1,1,12);
INSERT INTO job_sightings VALUES(5,3,'2024033001YgXnuY-ZYMYk-gy0np-aJkWSNlI',1,1,13);
INSERT INTO job_sightings VALUES(5,4,'2024033005anDN6OEjI6olnZi_o8pe_2LiV7M',1,1,14);
INSERT INTO job_sightings VALUES(5,5,'2024033006A7at3zUl3rb8rlbTWDddXBE5tys',1,1,15);
INSERT INTO job_sightings VALUES(5,6,'2024033008PV1wijCqWHDMROAeol730jN98Bg',1,1,16);
INSERT INTO job_sightings VALUES(5,7,'20240330128cwyV3G44TLxGW89l-WPHLHrKSA',1,1,17);
INSERT INTO job_sightings VALUES(5,8,'20240330130HqQ0Xd6vEf0NnJeLa_kruBgmBc',1,1,18);
INSERT INTO job_sightings VALUES(5,9,'2024033014D1ISA_GrvnCIgefJhk9hhiBjRCs',1,1,19);
INSERT INTO job_sightings VALUES(6,3,'2024033103uiaQymnTxKx9u2JzvQbxdzdWaPQ',1,1,20);
INSERT INTO job_sightings VALUES(6,4,'2024033110UDUSgoqjnWeWfQJC7E9j57gz6rs',1,1,21);
INSERT INTO job_sightings VALUES(7,3,'2024040115LF3IBjWHbPjVvsTz7W8e-6irACE',1,1,22);
INSERT INTO job_sightings VALUES(7,4,'2024040208psRIhmJT-z9d9Yjb1Uoo2x5J0ig',1,1,23);
INSERT INTO job_sightings VALUES(8,3,'2024040304TrGyL9QpRKLuWUfj4xCUBfL20hA',1,1,24);
INSERT INTO job_sightings VALUES(8,4,'2024040305HJfbQu7B875snzu2P2ikdaArwoU',1,1,25);
INSERT INTO job_sightings VALUES(8,5,'2024040310bkOmVs5W2Dtm-P-j3uZ0Kwz01lg',1,1,26);
INSERT INTO job_sightings VALUES(9,3,'2024040404VeuksiaZiNosA35Ds8u311wFFX8',1,1,27);
INSERT INTO job_sightings VALUES(9,4,'2024040411qCDUunWUTYLItkUN2j1M_wBs7fs',1,1,28);
INSERT INTO job_sightings VALUES(9,5,'2024040414N0zt6KYLUgRPMrahM5alzBrbtuQ',1,1,29);
INSERT INTO job_sightings VALUES(10,3,'2024040418DXhD0Gvbzfnctd2S2kZLXV7GeO0',1,1,30);
INSERT INTO job_sightings VALUES(10,4,'2024040420RwcYjhRe6sVl7jK4MbYJAdqPWFU',1,1,31);
INSERT INTO job_sightings VALUES(10,5,'2024040510eHD6TnCi8yUl4URns5WBOCDJ-d4',1,1,32);
INSERT INTO job_sightings VALUES(11,3,'2024040519EZ0n8MIDdFBO3Pyat86FNhr6LnM',1,1,33);
INSERT INTO job_sightings VALUES(11,4,'2024040523QB3kYzfXpa0HMYSeu2LtmJaFruM',1,1,34);
INSERT INTO job_sightings VALUES(11,5,'20240405236Ta1odbo3krt44AKJ_9hGdPwtGI',1,1,35);
INSERT INTO job_sightings VALUES(12,3,'2024040618Yd0AzQcDhYBNIu19ioXpmUc5jTI',1,1,36);
INSERT INTO job_sightings VALUES(12,4,'2024040702uaDFeoxPJKimSmXDEe2qAyFRs3I',1,1,37);
INSERT INTO job_sightings VALUES(12,5,'2024040709uguPYusjbwAnr9gONIr4D4oOn8g',1,1,38);
INSERT INTO job_sightings VALUES(13,3,'2024040718Tu_d86vq_iBJhR70AkwO46qSvTg',1,1,39);
INSERT INTO job_sightings VALUES(13,4,'202404080747gTdtkvOJ1A95-pDkggtn4n47k',1,1,40);
INSERT INTO job_sightings VALUES(15,2,'2024093023v9R63qjTJxachsQuDM-aVh0YEKc',1,1,41);
INSERT INTO job_sightings VALUES(15,3,'20241001024n_84Y2Dj74lI85DbtT_xTqZoc8',1,1,42);
INSERT INTO job_sightings VALUES(15,4,'2024100105zgXMRlwTJ3g8B6qxwYeCNIfQuX0',1,1,43);
INSERT INTO job_sightings VALUES(15,5,'2024100106ooC1scgI9NbrEQELobdidAnowbI',1,1,44);
INSERT INTO job_sightings VALUES(15,6,'2024100111374hgYYERYbdoaFjkfrUcuBiPAE',1,1,45);
INSERT INTO job_sightings VALUES(15,7,'2024100113skyBAepnTYceZYGMyAD3QAxIDYU',1,1,46);
INSERT INTO job_sightings VALUES(15,8,'2024100114mnTm30AHL1-8fHWAFuphQtvNgqA',1,1,47);
INSERT INTO job_sightings VALUES(15,9,'2024100114aPEZ91qSm3bW_5ilq4GesBbqPI8',1,1,48);
INSERT INTO job_sightings VALUES(15,10,'202410012138KT3JDhTs_6iJ7zhgy7-suqHOc',1,1,49);
INSERT INTO job_sightings VALUES(15,11,'2024100202FbegQNFlsMitncEr9X5vqSTclxU',1,1,50);
INSERT INTO job_sightings VALUES(15,12,'2024100206pYwbQQq6_dCfCV20mVYkY7QlB7o',1,1,51);
INSERT INTO job_sightings VALUES(15,13,'20241002081GTeWOiK4rQ_6vpvL0k9PB6hR1s',1,1,52);
INSERT INTO job_sightings VALUES(15,14,'2024100211SiJu-VVIiOq3ygsInfccdNoIltE',1,1,53);
INSERT INTO job_sightings VALUES(15,15,'2024100301JX_95uaq5fRSYbPy1pLw5-AeThE',1,1,54);
INSERT INTO job_sightings VALUES(15,16,'2024100309-OBWNny7noHjiaJVfeAmvKQ6HSw',1,1,55);
INSERT INTO job_sightings VALUES(15,17,'2024100312txTuitFsQuUh7i2hmMmJTPYKTuU',1,1,56);
INSERT INTO job_sightings VALUES(15,18,'2024100313-Iu2CTDfSEvuPZQAP-NXXDH9RS0',1,1,57);
INSERT INTO job_sightings VALUES(15,19,'2024100320SpGvpBCIkdbOzLt0QttjvgJdrrI',1,1,58);
INSERT INTO job_sightings VALUES(15,20,'2024100404V9ELrohg4cKkyZm4HeApqmsk7nY',1,1,59);
INSERT INTO job_sightings VALUES(15,21,'2024100407hpri__t59z2WGEVPZe01y_cF9Rc',1,1,60);
INSERT INTO job_sightings VALUES(16,1,'2024070208Qun4eKPfUodOeG7zr52ImE8FZpE',1,1,61);
INSERT INTO job_sightings VALUES(16,2,'2024070209nCjnBcVqpjGL7H_tRAmSwLvQAjE',1,1,62);
INSERT INTO job_sightings VALUES(16,3,'2024070210aLhP5yDCo0gMpEhS3q1tMF2v96s',1,1,63);
INSERT INTO job_sightings VALUES(16,4,'2024070212xR70rqTN0EU0aJtrn29KxzJvQ_E',1,1,64);
INSERT INTO job_sightings VALUES(16,5,'2024070212LIWgz3qAjiB83Ux4xePDdj6JTbc',1,1,65);
INSERT INTO job_sightings VALUES(16,6,'2024070214DT4EILOjikqfvju9jW4Ic0vjEKY',1,1,66);
INSERT INTO job_sightings VALUES(16,7,'2024070218OIXsbmCXJSjTKOzE58Cg3Zn72tQ',1,1,67);
INSERT INTO job_sightings VALUES(16,8,'20240703006J0UX_cA16p98yt2_bY7k_MiWfY',1,1,68);
INSERT INTO job_sightings VALUES(16,9,'2024070302jS-oJ8OxOJQheTsJzTrP4et5bCM',1,1,69);
INSERT INTO job_sightings VALUES(16,10,'2024070305xUHCGz9bhQvvYuZqi72S6EhBvZs',1,1,70);
INSERT INTO job_sightings VALUES(17,1,'2024080500cV-9msrmi0QbQxw9rW6l8FKNfos',1,1,71);
INSERT INTO job_sightings VALUES(17,7,'20240805001-UHx1QKBNmxXgzJJoEPq0xOACA',1,1,72);
INSERT INTO job_sightings VALUES(17,8,'2024080502mk-_A-t5VivTRjR9Svx8YKLRNPg',1,1,73);
INSERT INTO job_sightings VALUES(17,14,'2024080503ckFQzVWSt72W1IKNChj0fMUk9LI',1,1,74);
INSERT INTO job_sightings VALUES(17,15,'2024080505S8jiD3e5M1hoGGCrboSG7ZsWi40',1,1,75);
INSERT INTO job_sightings VALUES(17,16,'2024080505QaFL3vL6CZRyVxAyf5ju9nefT4M',1,1,76);
INSERT INTO job_sightings VALUES(17,18,'2024080506lDg3ETiUrdNedvdeWvJVodww-cE',1,1,77);
INSERT INTO job_sightings VALUES(17,22,'2024080506XoSc0mmvaZOKz9FlNTx62_zmQiU',1,1,78);
INSERT INTO job_sightings VALUES(17,23,'2024080508ReqUm7jCjNWh6qEPysPQAWAgquQ',1,1,79);
INSERT INTO job_sightings VALUES(17,26,'2024080508JNPcjZNzutky14okNMoFePhxO-I',1,1,80);
INSERT INTO job_sightings VALUES(18,1,'2024070102JTm_4IblpPSi7SQevcal7-IMp1w',1,1,81);
INSERT INTO job_sightings VALUES(18,2,'2024070106WPWUs0CRP9MizwdjLnbb3uKpIvI',1,1,82);
INSERT INTO job_sightings VALUES(18,3,'20240701104_8AJ1ceeXkry0psAUm66g_B_j0',1,1,83);
INSERT INTO job_sightings VALUES(18,4,'2024070111pTE_I-Pvewzy5_akoJKjmuBQwl8',1,1,84);
INSERT INTO job_sightings VALUES(18,5,'2024070117RPG7lhL0LyIxThCtBYnFuaV5uRs',1,1,85);
INSERT INTO job_sightings VALUES(18,6,'2024070118cxbDURa8KCkhg5Imh0FWIcg8fiE',1,1,86);
INSERT INTO job_sightings VALUES(18,7,'2024070118UfjyqSuPsWT74HDJd9k4jlSeSOo',1,1,87);
INSERT INTO job_sightings VALUES(18,8,'2024070121qhin--b7HpIqzUOcC7qFkPD4AXg',1,1,88);
INSERT INTO job_sightings VALUES(18,9,'2024070204vbINdVz9Lh2v0X2F7i9FAiQfhJ0',1,1,89);
INSERT INTO job_sightings VALUES(18,10,'20240702052rwD_PrwoJXdx9rbsWB3aRONjkY',1,1,90);
INSERT INTO job_sightings VALUES(19,3,'202405010533IaqmMaENrzCfnfr4BvF73Pk2Y',1,1,91);
INSERT INTO job_sightings VALUES(19,5,'2024050107vZ9JhyjU0oOIDgRrjVb_zYWSMZ8',1,1,92);
INSERT INTO job_sightings VALUES(19,7,'2024050110elEf9Emp7vsKWUDUmQCjVHD1bj8',1,1,93);
INSERT INTO job_sightings VALUES(19,9,'2024050110XcfQDqESkLSgt8w_cQWY1J_8pcE',1,1,94);
INSERT INTO job_sightings VALUES(19,11,'2024050111VrnbZDdqe211DtC7Tr9BMlbDND4',1,1,95);
INSERT INTO job_sightings VALUES(19,13,'2024050120EIQQNrOMkiZvYVm2nBJwIPNSxK0',1,1,96);
INSERT INTO job_sightings VALUES(19,14,'2024050203QUvfRMaAQctOjkMZT9Ml-VJJApc',1,1,97);
INSERT INTO job_sightings VALUES(19,15,'2024050205iReSlC1H0pEioXLXsT6g6vMda7A',1,1,98);
INSERT INTO job_sightings VALUES(19,16,'2024050207gUC5isrznCnknKdhyANQrutXsfw',1,1,99);
INSERT INTO job_sightings VALUES(19,17,'2024050208zpmzMmhOoDMHHmlRa7R1aBe6Vfo',1,1,100);
INSERT INTO job_sightings VALUES(20,3,'2024032500oow5J83n597gy2DryHeqWeh6dPE',1,1,1);
INSERT INTO job_sightings VALUES(20,4,'2024032504a4YbS88-w9yyg5BKD8s36RdpKqY',1,1,2);
INSERT INTO job_sightings VALUES(20,5,'2024032512xOfoMYhgJogrP4_DlS6xeZ-namE',1,1,3);
INSERT INTO job_sightings VALUES(20,6,'2024032513PzinSw04uu0PNSkOlVUsVOe4yKo',1,1,4);
INSERT INTO job_sightings VALUES(20,7,'2024032515X71q2V7C-LqAHTUcDi-q3QgOcZ0',1,1,5);
INSERT INTO job_sightings VALUES(20,8,'2024032515I2mdds6nlS6zfClpblIwWT8thjg',1,1,6);
INSERT INTO job_sightings VALUES(20,9,'2024032516vG5rfWKYYu_JwiP8cfbDvpHN8eQ',1,1,7);
INSERT INTO job_sightings VALUES(20,10,'2024032611RoQTq2up83EGH1LiY8ciCZaB48E',1,1,8);
INSERT INTO job_sightings VALUES(20,11,'2024032705x3LmDvJ0cgdeder3dulpdrbHNyw',1,1,9);
INSERT INTO job_sightings VALUES(20,12,'20240327106gLJivAXEsBKJVagfI-1_sRL-6c',1,1,10);
INSERT INTO job_sightings VALUES(20,13,'2024032719lHHMtLmG9Tv9aZ0fepv9ZZjBWeE',1,1,11);
INSERT INTO job_sightings VALUES(20,14,'2024032805eimCrKwiBgRo83SKvo_xWOrSh4o',1,1,12);
INSERT INTO job_sightings VALUES(20,15,'2024033001YgXnuY-ZYMYk-gy0np-aJkWSNlI',1,1,13);
INSERT INTO job_sightings VALUES(20,16,'2024033005anDN6OEjI6olnZi_o8pe_2LiV7M',1,1,14);
INSERT INTO job_sightings VALUES(20,17,'2024033006A7at3zUl3rb8rlbTWDddXBE5tys',1,1,15);
INSERT INTO job_sightings VALUES(20,18,'2024033008PV1wijCqWHDMROAeol730jN98Bg',1,1,16);
INSERT INTO job_sightings VALUES(20,19,'20240330128cwyV3G44TLxGW89l-WPHLHrKSA',1,1,17);
INSERT INTO job_sightings VALUES(20,20,'20240330130HqQ0Xd6vEf0NnJeLa_kruBgmBc',1,1,18);
INSERT INTO job_sightings VALUES(20,21,'2024033014D1ISA_GrvnCIgefJhk9hhiBjRCs',1,1,19);
INSERT INTO job_sightings VALUES(20,22,'2024033103uiaQymnTxKx9u2JzvQbxdzdWaPQ',1,1,20);
INSERT INTO job_sightings VALUES(20,23,'2024033110UDUSgoqjnWeWfQJC7E9j57gz6rs',1,1,21);
INSERT INTO job_sightings VALUES(20,24,'2024040115LF3IBjWHbPjVvsTz7W8e-6irACE',1,1,22);
INSERT INTO job_sightings VALUES(20,25,'2024040208psRIhmJT-z9d9Yjb1Uoo2x5J0ig',1,1,23);
INSERT INTO job_sightings VALUES(20,26,'2024040304TrGyL9QpRKLuWUfj4xCUBfL20hA',1,1,24);
INSERT INTO job_sightings VALUES(20,27,'2024040305HJfbQu7B875snzu2P2ikdaArwoU',1,1,25);
INSERT INTO job_sightings VALUES(20,28,'2024040310bkOmVs5W2Dtm-P-j3uZ0Kwz01lg',1,1,26);
INSERT INTO job_sightings VALUES(20,29,'2024040404VeuksiaZiNosA35Ds8u311wFFX8',1,1,27);
INSERT INTO job_sightings VALUES(20,30,'2024040411qCDUunWUTYLItkUN2j1M_wBs7fs',1,1,28);
INSERT INTO job_sightings VALUES(20,31,'2024040414N0zt6KYLUgRPMrahM5alzBrbtuQ',1,1,29);
INSERT INTO job_sightings VALUES(20,32,'2024040418DXhD0Gvbzfnctd2S2kZLXV7GeO0',1,1,30);
INSERT INTO job_sightings VALUES(20,33,'2024040420RwcYjhRe6sVl7jK4MbYJAdqPWFU',1,1,31);
INSERT INTO job_sightings VALUES(20,34,'2024040510eHD6TnCi8yUl4URns5WBOCDJ-d4',1,1,32);
INSERT INTO job_sightings VALUES(20,35,'2024040519EZ0n8MIDdFBO3Pyat86FNhr6LnM',1,1,33);
INSERT INTO job_sightings VALUES(20,36,'2024040523QB3kYzfXpa0HMYSeu2LtmJaFruM',1,1,34);
INSERT INTO job_sightings VALUES(20,37,'20240405236Ta1odbo3krt44AKJ_9hGdPwtGI',1,1,35);
INSERT INTO job_sightings VALUES(20,38,'2024040618Yd0AzQcDhYBNIu19ioXpmUc5jTI',1,1,36);
INSERT INTO job_sightings VALUES(20,39,'2024040702uaDFeoxPJKimSmXDEe2qAyFRs3I',1,1,37);
INSERT INTO job_sightings VALUES(20,40,'2024040709uguPYusjbwAnr9gONIr4D4oOn8g',1,1,38);
INSERT INTO job_sightings VALUES(20,41,'2024040718Tu_d86vq_iBJhR70AkwO46qSvTg',1,1,39);
INSERT INTO job_sightings VALUES(20,42,'202404080747gTdtkvOJ1A95-pDkggtn4n47k',1,1,40);
INSERT INTO job_sightings VALUES(21,1,'2024090115wckaa6CqpINC7dSMikyoyDmkONY',1,1,101);
INSERT INTO job_sightings VALUES(21,2,'2024090117LgUD7XGAd_RHPcG8mkCOkQ7T1JU',1,1,102);
INSERT INTO job_sightings VALUES(21,3,'2024090119mXdGgOk9ZO87daOF_qnZjPgxXYI',1,1,103);
INSERT INTO job_sightings VALUES(21,4,'2024090120J3bZGZTn76gIoSAHHn06BslIu9c',1,1,104);
INSERT INTO job_sightings VALUES(21,5,'2024090201HPh6Wn8w1cDnsuWrvrdjuHm13wg',1,1,105);
INSERT INTO job_sightings VALUES(21,6,'2024090201ZTDsFCgVKKRo6LOU04lKCNccFeU',1,1,106);
INSERT INTO job_sightings VALUES(21,7,'2024090202u5-Kjoh-NyrA8wnKtOZakzIE4xA',1,1,107);
INSERT INTO job_sightings VALUES(21,8,'2024090202Xt7qKjBJnSyHj-pFVTn_pTbQgvk',1,1,108);
INSERT INTO job_sightings VALUES(21,9,'2024090202vsFauUVQ05hJ-xiCY-NIJTRhWvM',1,1,109);
INSERT INTO job_sightings VALUES(21,10,'2024090203Qei2RASsGUHbimgqydJDc1NvWe0',1,1,110);
INSERT INTO job_sightings VALUES(21,11,'2024090203r2oyDJ7g3Jmn26qN-2Omy2H39-Y',1,1,111);
INSERT INTO job_sightings VALUES(21,12,'2024090204XhHeNfX7QEkTZ-OIQlwjT6s76Jw',1,1,112);
INSERT INTO job_sightings VALUES(21,13,'2024090204e04efeYRCcJPzjwItcqoyrwwIbA',1,1,113);
INSERT INTO job_sightings VALUES(21,14,'2024090207HYEGS8C8Tap-LAnhWPyyBgVfIfg',1,1,114);
INSERT INTO job_sightings VALUES(21,15,'2024090207sKgI_m14aVLOgczbCGTvTAXJtTE',1,1,115);
INSERT INTO job_sightings VALUES(21,16,'2024090208klu_W5ke4HeR9GB3AzdPwSkaUtk',1,1,116);
INSERT INTO job_sightings VALUES(21,17,'2024090209owW3A4X5oEfX94dHUVu5_ZB5_UI',1,1,117);
INSERT INTO job_sightings VALUES(21,18,'2024090210bwbzzy6i3Gh1sv_GULEmjBwX_0E',1,1,118);
INSERT INTO job_sightings VALUES(21,19,'2024090210Hi9uE_SfTl0Iv4TgwOfdsdQTruw',1,1,119);
INSERT INTO job_sightings VALUES(21,20,'20240902116hEH58KAY99it2mtQq1lzAStGqc',1,1,120);
INSERT INTO job_sightings VALUES(22,1,'2024033111evAeQZisAUZyTrYDBXaoZTggxGg',1,1,121);
INSERT INTO job_sightings VALUES(22,1,'2024033112GakUoUh0_VrLTw46vigdRVfj6D0',1,1,122);
INSERT INTO job_sightings VALUES(22,1,'2024033114D5bc2dFgEbJEXfMv5SPqtkfTBwY',1,1,123);
INSERT INTO job_sightings VALUES(22,1,'2024033114D9YdBpalBCKGdcs-6M7iAN6ytus',1,1,124);
INSERT INTO job_sightings VALUES(22,1,'2024033115ey8rkde6hfFvR5zVqpRwtM4q2lM',1,1,141);
INSERT INTO job_sightings VALUES(22,1,'2024033115n6OT9vSfQzL881Is4rrdF2zl6EY',1,1,125);
INSERT INTO job_sightings VALUES(22,1,'2024033116LvhjV6WgnssiOYCzAEBKUjmixAQ',1,1,126);
INSERT INTO job_sightings VALUES(22,1,'2024033116b4lwx8ZwuoOH7A5uszEKCQUF78o',1,1,127);
INSERT INTO job_sightings VALUES(22,1,'2024033118Gxs42UL_L3LLnZHC1lKFOOgqWzc',1,1,129);
INSERT INTO job_sightings VALUES(22,1,'2024033118NShu2kuMW5FAnyZuRj_YcLIq8N8',1,1,130);
INSERT INTO job_sightings VALUES(22,1,'2024033118PJsbCYfBVTIIMbVd6vv4wKjJuWo',1,1,128);
INSERT INTO job_sightings VALUES(22,1,'2024033119PHiMQoC1wifhVf34VlKXiC-Gf-s',1,1,131);
INSERT INTO job_sightings VALUES(22,1,'20240331206E1oHWxtLlvL097eGh9MAfGhH-o',1,1,133);
INSERT INTO job_sightings VALUES(22,1,'20240331206LT3w7Y__3gIiM1bASCKood9R4c',1,1,132);
INSERT INTO job_sightings VALUES(22,1,'2024033121WRtkdZirVWWCXb5Hu-R5Xc0yPyo',1,1,134);
INSERT INTO job_sightings VALUES(22,1,'20240331222BYab5CF8XRwFOfnobmb5YMnqjY',1,1,137);
INSERT INTO job_sightings VALUES(22,1,'2024033122DBc25zyERZgW1pkz1j_oXWaUNx4',1,1,135);
INSERT INTO job_sightings VALUES(22,1,'2024033122hYhmLtg2IfS3Gg5Z2Ypk_0PxCvc',1,1,136);
INSERT INTO job_sightings VALUES(22,1,'2024033123pESWn5r8MIxoFhFDA2KLU80PJaw',1,1,138);
INSERT INTO job_sightings VALUES(22,1,'2024040100_U1lhYIngszJ_MeIKSbKDBC_Y9Y',1,1,139);
INSERT INTO job_sightings VALUES(22,1,'2024040102Q5qHvk7SkAkrcHkvwtHubWzGvzo',1,1,140);
CREATE TABLE counter_readings (
  id           INTEGER PRIMARY KEY,
  dedup_key    TEXT NOT NULL UNIQUE,
  month        TEXT NOT NULL,
  department   TEXT NOT NULL,
  device       TEXT NOT NULL,
  sheets       INTEGER NOT NULL CHECK (sheets >= 0),
  color_sheets INTEGER,
  file_id      INTEGER NOT NULL REFERENCES log_files(id),
  line         INTEGER NOT NULL
) STRICT;
INSERT INTO counter_readings VALUES(1,'dLOeHURRqYUv7SEzVJqLVX4YpDQ','2024-04','総務課','',6005,1103,14,2);
INSERT INTO counter_readings VALUES(2,'j2fawclU9XMmis72nGGfRwUiGuI','2024-04','企画財政課','',6323,1085,14,3);
INSERT INTO counter_readings VALUES(3,'HaOi399cukO6Ygi6jj5UrW_jYJE','2024-04','町民課','',6057,969,14,4);
INSERT INTO counter_readings VALUES(4,'PRhvCPD1H1dXQBqTbXvIj4BcxzM','2024-04','福祉課','',3690,825,14,5);
INSERT INTO counter_readings VALUES(5,'Dv40Amty3H62-ocMvZTZpAcSrD0','2024-04','建設課','',3263,764,14,6);
INSERT INTO counter_readings VALUES(6,'e5bMtwb-krjKI6InxjpcFLLjiEw','2024-04','芸北支所','',3271,1340,14,7);
INSERT INTO counter_readings VALUES(7,'KY0s2XS4pR1kCh3At3Q1iEsCI_U','2024-04','大朝支所','',7864,1115,14,8);
INSERT INTO counter_readings VALUES(8,'vr2E4Vk4h_nBD91DlqibyXM6N80','2024-04','豊平支所','',2565,1267,14,9);
INSERT INTO counter_readings VALUES(9,'XlOQIqyIp4oy6s-eoJhWlomgQ00','2024-05','総務課','',6760,912,14,10);
INSERT INTO counter_readings VALUES(10,'J4ZPIMWkqKZF5LVHcabeDXYEdpg','2024-05','企画財政課','',3285,319,14,11);
INSERT INTO counter_readings VALUES(11,'0MMrm3nQWk3aKpZQX3oamfZu1OI','2024-05','町民課','',3204,1186,14,12);
INSERT INTO counter_readings VALUES(12,'FzADgrHru9-7eQL9qpiTfx_jEY4','2024-05','福祉課','',4510,1385,14,13);
INSERT INTO counter_readings VALUES(13,'MoHsm78PRgxPUeEjFPN0ZPWQvg0','2024-05','建設課','',5334,991,14,14);
INSERT INTO counter_readings VALUES(14,'O74-I0liaFZrbZ0GQ_b8rn-nkn8','2024-05','芸北支所','',7043,747,14,15);
INSERT INTO counter_readings VALUES(15,'kkw-zVymT2hstIoSGeDGeAyQLwg','2024-05','大朝支所','',5916,327,14,16);
INSERT INTO counter_readings VALUES(16,'t1xXXXkHqd85EXD6IxTVOg81IKk','2024-05','豊平支所','',4130,781,14,17);
INSERT INTO counter_readings VALUES(17,'I1jg9hvCd3NmpZCWkAUMBwpwvOQ','2024-06','総務課','',8834,830,14,18);
INSERT INTO counter_readings VALUES(18,'4uCFBA1MdeOVbLHwVmELLnXocXg','2024-06','企画財政課','',3961,1230,14,19);
INSERT INTO counter_readings VALUES(19,'C9NdTAefl3jXSUNs5U9bc9EJ72M','2024-06','町民課','',3730,552,14,20);
INSERT INTO counter_readings VALUES(20,'EhstjgIgNQAwXqkjHmzZ855SnsE','2024-06','福祉課','',7003,1365,14,21);
INSERT INTO counter_readings VALUES(21,'_O5rZj7c_ZZcf0H0VGW-oqyXmLE','2024-06','建設課','',2034,1100,14,22);
INSERT INTO counter_readings VALUES(22,'WGRjYfWj-2BtHnpjtrwLONcAP5U','2024-06','芸北支所','',2274,1316,14,23);
INSERT INTO counter_readings VALUES(23,'N2E97ZSlkKejEtaBnl-tygArbPE','2024-06','大朝支所','',3749,777,14,24);
INSERT INTO counter_readings VALUES(24,'s4DluUnE1sYzGuGAsJM_lrwfgbM','2024-06','豊平支所','',3398,941,14,25);
CREATE TABLE rejected_lines (
  id      INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES log_files(id),
  line    INTEGER NOT NULL,
  reason  TEXT NOT NULL,
  raw     TEXT NOT NULL,
  at      TEXT NOT NULL,
  UNIQUE (file_id, line)
) STRICT;
INSERT INTO rejected_lines VALUES(1,19,4,'Time: ''2024-05-01 25:61:00'' is not a valid date and time (YYYY-MM-DD HH:MM:SS)','2024-05-01 25:61:00,tanaka-h,1,1,P,"d",C,A4,PCL6,,,DUPLEX,GRAYSCALE,1kb,','2025-06-01T00:00:56.000Z');
INSERT INTO rejected_lines VALUES(2,19,6,'Pages: ''-3'' is negative','2024-05-01 09:00:00,tanaka-h,-3,1,P,"d",C,A4,PCL6,,,DUPLEX,GRAYSCALE,1kb,','2025-06-01T00:00:57.000Z');
INSERT INTO rejected_lines VALUES(3,19,8,'Pages: ''two'' is not a number','2024-05-01 09:00:00,tanaka-h,two,1,P,"d",C,A4,PCL6,,,DUPLEX,GRAYSCALE,1kb,','2025-06-01T00:00:58.000Z');
INSERT INTO rejected_lines VALUES(4,19,10,'too few columns: 3 where a Print Logger row has 14 (Time … Size)','2024-05-01 09:00:00,tanaka-h,1','2025-06-01T00:00:59.000Z');
INSERT INTO rejected_lines VALUES(5,19,12,'the line holds control characters (binary data, not a Print Logger row)','','2025-06-01T00:01:00.000Z');
INSERT INTO rejected_lines VALUES(6,19,18,'Document Name: unterminated quoted field (the line ends inside quotes)','2024-05-01 09:00:00,tanaka-h,1,1,P,"unterminated,C,A4,PCL6,,,DUPLEX,GRAYSCALE,1kb,','2025-06-01T00:01:01.000Z');
CREATE TABLE log_sources (
  id               INTEGER PRIMARY KEY,
  -- Also written into log_files.source for every file read through this source.
  name             TEXT NOT NULL UNIQUE COLLATE NOCASE,
  folder           TEXT NOT NULL,
  glob             TEXT NOT NULL,
  -- A format name, or 'auto'. Not a CHECK list: a new format must not need a migration.
  format           TEXT NOT NULL DEFAULT 'auto',
  -- The mapping file's JSON as given (re-validated whenever the source starts), or NULL.
  mapping          TEXT,
  site_id          INTEGER REFERENCES sites(id),
  -- Network shares (SMB/NFS) send no change notifications: poll them instead.
  polling          INTEGER NOT NULL DEFAULT 0 CHECK (polling IN (0, 1)),
  poll_interval_ms INTEGER NOT NULL DEFAULT 1000 CHECK (poll_interval_ms >= 100),
  active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  -- SHA-256 of the branch agent's token; the token itself is shown once, at creation.
  token_hash       TEXT NOT NULL UNIQUE,
  last_error       TEXT,
  last_error_at    TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX departments_parent ON departments(parent_id);
CREATE INDEX users_department ON users(department_id);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX login_attempts_login ON login_attempts(login, at);
CREATE INDEX login_attempts_ip ON login_attempts(ip, at);
CREATE INDEX log_files_head ON log_files(head_hash);
CREATE INDEX print_jobs_time ON print_jobs(time);
CREATE INDEX job_sightings_hash ON job_sightings(file_id, content_hash, n);
CREATE INDEX log_files_source ON log_files(source);
COMMIT;
