#!/bin/sh
# run.sh - what "make run" does after building: create the store, load the
# bundled sample topics and articles, serve on 127.0.0.1:8080.
set -eu
nd=${NEWSDESK:-build/newsdesk}
db=${NEWSDESK_DB:-var/newsdesk.db}
listen=${NEWSDESK_LISTEN:-127.0.0.1:8080}
export NEWSDESK_DB="$db"
mkdir -p var/mail
"$nd" init
while IFS='	' read -r slug name expr; do
	[ -n "$slug" ] || continue
	"$nd" --quiet topic add "$name" --slug "$slug" --match "$expr"
done < samples/topics.tsv
"$nd" --quiet ingest --no-fetch samples/articles/*.html samples/feed.xml >/dev/null
for f in samples/text/*.txt; do
	name=$(basename "$f" .txt)
	"$nd" --quiet ingest --format text --url "https://news.example/$name" "$f" >/dev/null
done
echo "newsdesk: $("$nd" topic list | wc -l) topics; open http://$listen/" >&2
exec "$nd" serve --listen "$listen"
