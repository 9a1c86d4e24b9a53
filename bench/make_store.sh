#!/usr/bin/env bash
# make_store.sh DYAD OUT.db [EVENTS] -- a synthetic store for the serve
# bench: EVENTS counted events (default 1,000,000) among 40 countries over
# 2015-2025, in 20,000 documents. 2% of the rows are RUS-IRN (either
# way): the heaviest dyad, for the dyad view's timing (bench/serve.sh
# prints its rows and how many the series count, once per document and
# (source, target, code)). No reasons (events.explain) are kept. The
# schema comes from `dyad ingest` itself (one sample document), the rows
# from SQL (sqlite3); pseudo-random but the same every run.
set -eu
D=$1; OUT=$2; N=${3:-1000000}
rm -f "$OUT" "$OUT-wal" "$OUT-shm"
"$D" ingest --no-progress --db "$OUT" data/sample/phone-call.txt 2>/dev/null
sqlite3 "$OUT" <<SQL
PRAGMA journal_mode=WAL;
PRAGMA synchronous=OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO documents(id, text_hash, date, title, source, url, input, text)
SELECT 'bench-' || i, 1000000000 + i, '', 'Bench story ' || i, 'Bench wire',
       'https://bench.example.org/' || i, 'bench', 'Synthetic story ' || i FROM n;
CREATE TEMP TABLE cc(k INTEGER PRIMARY KEY, c TEXT);
INSERT INTO cc(k, c) VALUES (0,'RUS'),(1,'IRN'),(2,'USA'),(3,'CHN'),(4,'GBR'),(5,'FRA'),(6,'DEU'),
 (7,'ISR'),(8,'TUR'),(9,'SAU'),(10,'IND'),(11,'PAK'),(12,'JPN'),(13,'KOR'),(14,'PRK'),(15,'UKR'),
 (16,'SYR'),(17,'IRQ'),(18,'EGY'),(19,'BRA'),(20,'MEX'),(21,'CAN'),(22,'AUS'),(23,'ZAF'),
 (24,'NGA'),(25,'KEN'),(26,'ETH'),(27,'AFG'),(28,'QAT'),(29,'ARE'),(30,'ITA'),(31,'ESP'),
 (32,'POL'),(33,'BLR'),(34,'AZE'),(35,'ARM'),(36,'VEN'),(37,'CUB'),(38,'IDN'),(39,'VNM');
CREATE TEMP TABLE codes(k INTEGER PRIMARY KEY, code TEXT, quad INT, g REAL);
INSERT INTO codes VALUES (0,'010',1,0.0),(1,'036',1,4.0),(2,'040',1,1.0),(3,'042',1,1.9),
 (4,'043',1,2.8),(5,'051',1,3.4),(6,'057',1,8.0),(7,'061',2,6.4),(8,'073',2,7.4),
 (9,'112',3,-2.0),(10,'120',3,-4.0),(11,'130',3,-4.4),(12,'163',4,-8.0),(13,'173',4,-5.0),
 (14,'190',4,-10.0),(15,'0311',1,5.2);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $N - 1),
h AS (SELECT i, (i * 2654435761) % 4294967296 AS a, (i * 40503 + 12345) % 65521 AS b,
             (i * 69069 + 1) % 4018 AS day FROM n),
p AS (SELECT i, day, b % 16 AS code,
             CASE WHEN a % 100 < 2 THEN (a / 100) % 2 ELSE a % 40 END AS s,
             CASE WHEN a % 100 < 2 THEN 1 - (a / 100) % 2 ELSE (a / 40 + 1 + b % 39) % 40 END AS t
      FROM h)
INSERT INTO events(doc, sentence, date, date_kind, source, target, src_country, tgt_country,
                   code, root_code, quad_class, goldstein, source_text, target_text, verb,
                   issues, counted)
SELECT 2 + i % 20000, 0, strftime('%Y%m%d', '2015-01-01', '+' || day || ' days'), 'document',
       s1.c || 'GOV', s2.c, s1.c, s2.c, codes.code, substr(codes.code, 1, 2), codes.quad,
       codes.g, s1.c, s2.c, '', '', 1
FROM p JOIN cc s1 ON s1.k = p.s JOIN cc s2 ON s2.k = p.t JOIN codes ON codes.k = p.code;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
