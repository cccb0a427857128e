/* migrations.c - schema steps of the SQLite store.
 *
 * Version 1 carries the whole core model: articles with their authors
 * and topic links, topics, the 16-bit fingerprint bands used to find
 * near-duplicate candidates (two fingerprints within 3 bits agree on at
 * least one band), and an FTS5 index kept in sync by triggers.
 *
 * Dates are UTC seconds with 0 for unknown (not NULL), so "newest
 * first" orders the same way in every SQL engine. body holds the
 * paragraphs joined by a blank line ("\n\n").
 */
#include "store/migrations.h"

static const char migration_v1[] =
	"CREATE TABLE IF NOT EXISTS schema_version ("
	"  version INTEGER PRIMARY KEY,"
	"  applied INTEGER NOT NULL);"

	"CREATE TABLE articles ("
	"  id INTEGER PRIMARY KEY,"
	"  url TEXT,"
	"  canonical_url TEXT NOT NULL UNIQUE,"
	"  source TEXT,"
	"  headline TEXT,"
	"  standfirst TEXT,"
	"  dateline TEXT,"
	"  published INTEGER NOT NULL DEFAULT 0,"
	"  published_has_time INTEGER NOT NULL DEFAULT 0,"
	"  updated INTEGER NOT NULL DEFAULT 0,"
	"  image_url TEXT,"
	"  image_caption TEXT,"
	"  image_credit TEXT,"
	"  body TEXT,"
	"  credits TEXT,"
	"  lang TEXT,"
	"  section TEXT,"
	"  story_id INTEGER,"
	"  simhash INTEGER,"
	"  sim_b0 INTEGER, sim_b1 INTEGER, sim_b2 INTEGER, sim_b3 INTEGER,"
	"  comment_count INTEGER NOT NULL DEFAULT 0,"
	"  created INTEGER NOT NULL,"
	"  modified INTEGER NOT NULL);"

	"CREATE INDEX articles_published ON articles(published DESC, id DESC);"
	"CREATE INDEX articles_story ON articles(story_id);"
	"CREATE INDEX articles_sim_b0 ON articles(sim_b0);"
	"CREATE INDEX articles_sim_b1 ON articles(sim_b1);"
	"CREATE INDEX articles_sim_b2 ON articles(sim_b2);"
	"CREATE INDEX articles_sim_b3 ON articles(sim_b3);"

	"CREATE TABLE article_authors ("
	"  article_id INTEGER NOT NULL"
	"    REFERENCES articles(id) ON DELETE CASCADE,"
	"  pos INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  PRIMARY KEY (article_id, pos));"

	"CREATE TABLE topics ("
	"  id INTEGER PRIMARY KEY,"
	"  slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 64),"
	"  name TEXT NOT NULL,"
	"  expr TEXT NOT NULL,"
	"  created INTEGER NOT NULL);"

	"CREATE TABLE article_topics ("
	"  article_id INTEGER NOT NULL"
	"    REFERENCES articles(id) ON DELETE CASCADE,"
	"  topic_id INTEGER NOT NULL"
	"    REFERENCES topics(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (article_id, topic_id));"
	"CREATE INDEX article_topics_topic ON article_topics(topic_id);"

	"CREATE VIRTUAL TABLE articles_fts USING fts5("
	"  headline, standfirst, body,"
	"  content='articles', content_rowid='id',"
	"  tokenize='unicode61 remove_diacritics 2');"

	"CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN"
	"  INSERT INTO articles_fts(rowid, headline, standfirst, body)"
	"  VALUES (new.id, new.headline, new.standfirst, new.body);"
	"END;"
	"CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, headline,"
	"    standfirst, body)"
	"  VALUES ('delete', old.id, old.headline, old.standfirst, old.body);"
	"END;"
	"CREATE TRIGGER articles_fts_au"
	"  AFTER UPDATE OF headline, standfirst, body ON articles BEGIN"
	"  INSERT INTO articles_fts(articles_fts, rowid, headline,"
	"    standfirst, body)"
	"  VALUES ('delete', old.id, old.headline, old.standfirst, old.body);"
	"  INSERT INTO articles_fts(rowid, headline, standfirst, body)"
	"  VALUES (new.id, new.headline, new.standfirst, new.body);"
	"END;";

/* Version 2: settings shared by every process on the store, above all
 * the secret key that signs links and tokens (so several web nodes
 * verify each other's links). */
static const char migration_v2[] =
	"CREATE TABLE settings ("
	"  name TEXT PRIMARY KEY,"
	"  value BLOB NOT NULL);";

/* Version 3: reader comments. One self-contained step (the tables, their
 * indexes, nothing else) so that it can be renumbered when branches
 * merge. parent_id keeps the whole reply tree; erasure anonymises rows
 * instead of deleting them, so a reply never loses its parent. email is
 * stored lowercased and is never shown on a page. ip_hash is a keyed
 * BLAKE2b hash of the address (never the address) and is cleared after
 * ip_hash_expires. comment_authors remembers whose comments were
 * approved ("first" moderation lets them through at once). */
static const char migration_v3[] =
	"CREATE TABLE comments ("
	"  id INTEGER PRIMARY KEY,"
	"  article_id INTEGER NOT NULL"
	"    REFERENCES articles(id) ON DELETE CASCADE,"
	"  parent_id INTEGER REFERENCES comments(id) ON DELETE CASCADE,"
	"  name TEXT,"
	"  email TEXT,"
	"  website TEXT,"
	"  body TEXT NOT NULL,"
	"  status TEXT NOT NULL"
	"    CHECK (status IN ('pending', 'approved', 'spam', 'deleted')),"
	"  spam_reason TEXT,"
	"  created INTEGER NOT NULL,"
	"  edited INTEGER NOT NULL DEFAULT 0,"
	"  ip_hash BLOB,"
	"  ip_hash_expires INTEGER NOT NULL DEFAULT 0,"
	"  notify_replies INTEGER NOT NULL DEFAULT 0,"
	"  edit_token_expires INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX comments_article"
	"  ON comments(article_id, parent_id, status, created);"
	"CREATE INDEX comments_parent ON comments(parent_id);"
	"CREATE INDEX comments_status ON comments(status, created);"
	"CREATE INDEX comments_email ON comments(email, created);"
	"CREATE INDEX comments_ip ON comments(ip_hash, created);"

	"CREATE TABLE comment_authors ("
	"  email TEXT PRIMARY KEY,"
	"  approved_count INTEGER NOT NULL DEFAULT 0,"
	"  notify_replies INTEGER NOT NULL DEFAULT 0);"

	"CREATE TABLE comment_blocklist ("
	"  kind TEXT NOT NULL CHECK (kind IN ('word', 'address')),"
	"  value TEXT NOT NULL,"
	"  created INTEGER NOT NULL,"
	"  PRIMARY KEY (kind, value));";

/* Version 4: readers who follow topics, their digest deliveries (one row
 * per reader and local date: the exactly-once claim), the follow form's
 * rate-limit counters and saved articles. An email is stored with its
 * domain lower-cased and in punycode, the local part as given. */
static const char migration_v4[] =
	"CREATE TABLE readers ("
	"  id INTEGER PRIMARY KEY,"
	"  email TEXT NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254),"
	"  lang TEXT NOT NULL DEFAULT 'en',"
	"  tz TEXT NOT NULL DEFAULT 'UTC',"
	"  hour INTEGER NOT NULL DEFAULT 7 CHECK (hour BETWEEN 0 AND 23),"
	"  confirmed_at INTEGER NOT NULL DEFAULT 0,"
	"  paused INTEGER NOT NULL DEFAULT 0,"
	"  bouncing INTEGER NOT NULL DEFAULT 0,"
	"  hard_failures INTEGER NOT NULL DEFAULT 0,"
	"  created INTEGER NOT NULL,"
	"  last_digest_at INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX readers_active ON readers(confirmed_at, paused, bouncing);"

	"CREATE TABLE reader_topics ("
	"  reader_id INTEGER NOT NULL REFERENCES readers(id) ON DELETE CASCADE,"
	"  topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,"
	"  PRIMARY KEY (reader_id, topic_id));"
	"CREATE INDEX reader_topics_topic ON reader_topics(topic_id);"

	"CREATE TABLE deliveries ("
	"  reader_id INTEGER NOT NULL REFERENCES readers(id) ON DELETE CASCADE,"
	"  local_date TEXT NOT NULL,"
	"  status TEXT NOT NULL CHECK (status IN"
	"    ('claimed', 'sent', 'failed', 'retry')),"
	"  message_id TEXT NOT NULL,"
	"  window_start INTEGER NOT NULL,"
	"  window_end INTEGER NOT NULL,"
	"  attempts INTEGER NOT NULL DEFAULT 1,"
	"  next_attempt INTEGER NOT NULL DEFAULT 0,"
	"  error TEXT,"
	"  claimed_at INTEGER NOT NULL,"
	"  sent_at INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (reader_id, local_date));"
	"CREATE INDEX deliveries_date ON deliveries(local_date, status);"

	"CREATE TABLE rate_limits ("
	"  key TEXT PRIMARY KEY,"
	"  window_start INTEGER NOT NULL,"
	"  count INTEGER NOT NULL);"

	"CREATE TABLE saved ("
	"  reader_id INTEGER NOT NULL REFERENCES readers(id) ON DELETE CASCADE,"
	"  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
	"  created INTEGER NOT NULL,"
	"  PRIMARY KEY (reader_id, article_id));";

/* Version 5: reader accounts. Signing in spends a one-time nonce (the
 * emailed link works once), admins may moderate on the web, and a
 * reader's saved list reads newest first by an index. */
static const char migration_v5[] =
	"CREATE TABLE signin_nonces ("
	"  nonce TEXT PRIMARY KEY CHECK (length(nonce) BETWEEN 16 AND 64),"
	"  used_at INTEGER NOT NULL);"
	"CREATE INDEX signin_nonces_used ON signin_nonces(used_at);"
	"ALTER TABLE readers ADD COLUMN admin INTEGER NOT NULL DEFAULT 0;"
	"CREATE INDEX saved_reader ON saved(reader_id, created);";

/* Version 6: the comment author's UI language ("en", "de"), as the site
 * chose it for the request that posted the comment, so that the mails
 * to the author (edit link, replies) are in their language and not in
 * that of whoever triggers them. One self-contained step; rows from
 * before it keep NULL, read as the site default. */
static const char migration_v6[] =
	"ALTER TABLE comments ADD COLUMN lang TEXT;";

/* Version 7: the outbox. Reader mails (sign-in links, follow
 * confirmations, comment notices) are rendered by the request that
 * causes them and stored here; a deliverer (the serve's scheduler
 * thread, `newsdesk outbox --deliver`) claims due rows and hands them
 * to the relay, so a request never waits on SMTP and a relay that is
 * down delays the mail instead of losing it. next_try doubles as the
 * claim's lease: a claim pushes it forward, so a crashed deliverer's
 * rows come due again (same Message-ID, the receiver can drop a copy). */
static const char migration_v7[] =
	"CREATE TABLE outbox ("
	"  id INTEGER PRIMARY KEY,"
	"  created INTEGER NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  sender TEXT NOT NULL,"
	"  rcpt TEXT NOT NULL,"
	"  message BLOB NOT NULL,"
	"  message_id TEXT NOT NULL UNIQUE,"
	"  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN"
	"    ('queued', 'sent', 'failed')),"
	"  attempts INTEGER NOT NULL DEFAULT 0,"
	"  next_try INTEGER NOT NULL,"
	"  sent_at INTEGER NOT NULL DEFAULT 0,"
	"  last_error TEXT);"
	"CREATE INDEX outbox_due ON outbox(status, next_try);";

const struct migration migrations_sqlite[] = {
	{1, migration_v1},
	{2, migration_v2},
	{3, migration_v3},
	{4, migration_v4},
	{5, migration_v5},
	{6, migration_v6},
	{7, migration_v7},
};

const size_t migrations_sqlite_n =
    sizeof(migrations_sqlite) / sizeof(migrations_sqlite[0]);
