complete -c newsclaims -s f -l format -d 'Output format [default: json for one .txt input, jsonl otherwise]' -r -f -a "json\t'The contract, pretty; an array of records for several documents'
jsonl\t'The contract, one record per line'
text\t'A view for the terminal'
csv\t'One row per claim, carried input fields as columns (spreadsheets)'
csv-entities\t'One row per entity mention'
html\t'One self-contained page for the run'
brat\t'brat standoff (`.ann`), PolNeAR\'s scheme; needs `--output DIR`'"
complete -c newsclaims -l input-format -d 'How to read inputs: by extension and content, or force JSON Lines or plain text' -r -f -a "auto\t'`.txt` an article, `.jsonl`/`.ndjson` JSON Lines; others (`.json`, stdin) by content'
jsonl\t'JSON Lines: every input line yields exactly one record'
text\t'Each file (or standard input) is one plain-text article'"
complete -c newsclaims -s o -l output -d 'Write here, not to standard output; with --format brat, a folder of <id>.txt and <id>.ann' -r -F
complete -c newsclaims -s j -l threads -d 'Worker threads; 0 is one per core. Output never depends on it' -r
complete -c newsclaims -l id-prefix -d 'Prefix for made-up ids (PREFIX:FILE:LINE, PREFIX:stdin:N), e.g. a partition\'s name' -r
complete -c newsclaims -l checkworthy-threshold -d 'Score (0 to 1) from which a sentence of the article\'s own voice is a `statement` claim' -r
complete -c newsclaims -l max-bytes -d 'Analyse at most this much of one document (suffixes K, M, G); a longer one is cut there and its record lists a `truncated` problem' -r
complete -c newsclaims -s q -l quiet -d 'No summary, no notes and no progress on standard error'
complete -c newsclaims -l keep-going -d 'Exit 0 when every unreadable document has its error record (Hadoop Streaming, Spark pipe)'
complete -c newsclaims -l force -d 'Overwrite existing files in the --output folder (brat)'
complete -c newsclaims -s h -l help -d 'Print help (see more with \'--help\')'
complete -c newsclaims -s V -l version -d 'Print version'
