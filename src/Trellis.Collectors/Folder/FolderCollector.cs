namespace Trellis.Collectors.Folder;

/// <summary>
/// The folder collector: exports dropped in a folder (CSV, JSON, PDF; sub-folders included) become evidence, each new
/// or changed file once (by SHA-256 of its content, against <see cref="RunContext.KnownHashes"/>). Nothing outside the
/// folder is read: symbolic links (to files or folders) and anything whose real path is not under the folder are
/// skipped with a note. A capture is effective at its file's last write (the export's time), not at collection.
/// </summary>
public sealed class FolderCollector(TimeProvider clock) : ICollector
{
    /// <summary>The largest export collected (50 MiB, the evidence upload limit); a larger one is skipped with a note.</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    private static readonly Dictionary<string, string> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".csv"] = "text/csv",
        [".json"] = "application/json",
        [".pdf"] = "application/pdf",
    };

    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.Folder;

    /// <inheritdoc />
    public async Task<CollectorRun> RunAsync(CollectorDefinition definition, RunContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(context);
        var now = clock.GetUtcNow();
        var path = definition.Path ?? throw new ArgumentException("a folder collector needs a path", nameof(definition));
        var root = new DirectoryInfo(System.IO.Path.GetFullPath(path));
        if (!root.Exists)
        {
            return CollectorRun.Failed(now, $"the folder '{root.FullName}' does not exist or cannot be read");
        }

        if (root.LinkTarget is not null)
        {
            return CollectorRun.Failed(now, $"the folder '{root.FullName}' is a symbolic link: name the real folder");
        }

        var prefix = System.IO.Path.TrimEndingDirectorySeparator(root.FullName) + System.IO.Path.DirectorySeparatorChar;
        var captures = new List<Capture>();
        var notes = new List<string>();
        var seen = new HashSet<string>(context.KnownHashes, StringComparer.Ordinal);
        var pending = new Stack<DirectoryInfo>([root]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            var entries = folder.EnumerateFileSystemInfos("*", new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = 0 })
                .OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
            foreach (var entry in entries)
            {
                var relative = System.IO.Path.GetRelativePath(root.FullName, entry.FullName);
                if (entry.LinkTarget is not null || entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    notes.Add($"skipped '{relative}': a symbolic link (only files inside the folder are collected)");
                    continue;
                }

                if (!System.IO.Path.GetFullPath(entry.FullName).StartsWith(prefix, StringComparison.Ordinal))
                {
                    notes.Add($"skipped '{relative}': outside the folder");
                    continue;
                }

                if (entry is DirectoryInfo sub)
                {
                    pending.Push(sub);
                    continue;
                }

                if (entry is not FileInfo file || !MediaTypes.TryGetValue(file.Extension, out var mediaType))
                {
                    continue;
                }

                if (file.Length > MaxFileBytes)
                {
                    notes.Add($"skipped '{relative}': {file.Length} bytes, more than the {MaxFileBytes} bytes collected");
                    continue;
                }

                var content = await File.ReadAllBytesAsync(file.FullName, ct).ConfigureAwait(false);
                var capture = Capture.Of(relative.Replace(System.IO.Path.DirectorySeparatorChar, '/'), mediaType, content);
                if (!seen.Add(capture.Sha256))
                {
                    continue;
                }

                var written = new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
                captures.Add(capture with { ObservedAt = written < now ? written : now });
            }
        }

        return new CollectorRun { ObservedAt = now, Captures = captures, Notes = notes };
    }
}
