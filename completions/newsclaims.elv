
use builtin;
use str;

set edit:completion:arg-completer[newsclaims] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'newsclaims'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'newsclaims'= {
            cand -f 'Output format [default: json for one .txt input, jsonl otherwise]'
            cand --format 'Output format [default: json for one .txt input, jsonl otherwise]'
            cand --input-format 'How to read inputs: by extension and content, or force JSON Lines or plain text'
            cand -o 'Write here, not to standard output; with --format brat, a folder of <id>.txt and <id>.ann'
            cand --output 'Write here, not to standard output; with --format brat, a folder of <id>.txt and <id>.ann'
            cand -j 'Worker threads; 0 is one per core. Output never depends on it'
            cand --threads 'Worker threads; 0 is one per core. Output never depends on it'
            cand --id-prefix 'Prefix for made-up ids (PREFIX:FILE:LINE, PREFIX:stdin:N), e.g. a partition''s name'
            cand --checkworthy-threshold 'Score (0 to 1) from which a sentence of the article''s own voice is a `statement` claim'
            cand --max-bytes 'Analyse at most this much of one document (suffixes K, M, G); a longer one is cut there and its record lists a `truncated` problem'
            cand -q 'No summary, no notes and no progress on standard error'
            cand --quiet 'No summary, no notes and no progress on standard error'
            cand --keep-going 'Exit 0 when every unreadable document has its error record (Hadoop Streaming, Spark pipe)'
            cand --force 'Overwrite existing files in the --output folder (brat)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
    ]
    $completions[$command]
}
