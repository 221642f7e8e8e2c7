
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'newsclaims' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'newsclaims'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'newsclaims' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format [default: json for one .txt input, jsonl otherwise]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: json for one .txt input, jsonl otherwise]')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'How to read inputs: by extension and content, or force JSON Lines or plain text')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write here, not to standard output; with --format brat, a folder of <id>.txt and <id>.ann')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write here, not to standard output; with --format brat, a folder of <id>.txt and <id>.ann')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Worker threads; 0 is one per core. Output never depends on it')
            [CompletionResult]::new('--threads', '--threads', [CompletionResultType]::ParameterName, 'Worker threads; 0 is one per core. Output never depends on it')
            [CompletionResult]::new('--id-prefix', '--id-prefix', [CompletionResultType]::ParameterName, 'Prefix for made-up ids (PREFIX:FILE:LINE, PREFIX:stdin:N), e.g. a partition''s name')
            [CompletionResult]::new('--checkworthy-threshold', '--checkworthy-threshold', [CompletionResultType]::ParameterName, 'Score (0 to 1) from which a sentence of the article''s own voice is a `statement` claim')
            [CompletionResult]::new('--max-bytes', '--max-bytes', [CompletionResultType]::ParameterName, 'Analyse at most this much of one document (suffixes K, M, G); a longer one is cut there and its record lists a `truncated` problem')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No summary, no notes and no progress on standard error')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No summary, no notes and no progress on standard error')
            [CompletionResult]::new('--keep-going', '--keep-going', [CompletionResultType]::ParameterName, 'Exit 0 when every unreadable document has its error record (Hadoop Streaming, Spark pipe)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite existing files in the --output folder (brat)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
