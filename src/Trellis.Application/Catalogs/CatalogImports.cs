using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Core.Crosswalk;
using Trellis.Data;
using Trellis.Exchange.Oscal;

namespace Trellis.Application.Catalogs;

/// <summary>What a mapping import did.</summary>
/// <param name="Source">The framework on the left of every link.</param>
/// <param name="Target">The framework on the right of every link.</param>
/// <param name="Links">Links added.</param>
/// <param name="Updated">Links already imported between the same two requirements whose relationship, strength or
/// wording the file changed.</param>
/// <param name="Unchanged">Links already imported exactly so.</param>
/// <param name="Ignored">What the file holds that gave no link, with its JSON path and why.</param>
/// <param name="Revision">The stored set's revision after the import (unchanged when nothing changed); 0 when
/// nothing is stored.</param>
public sealed record MappingImportSummary(string Source, string Target, int Links, int Updated, int Unchanged, IReadOnlyList<IgnoredEntry> Ignored, int Revision);

/// <summary>
/// Bringing frameworks and mappings into the <see cref="FrameworkLibrary"/> — admins and compliance managers only,
/// each import one transaction with its audit entry.
/// </summary>
public sealed class CatalogImports(FrameworkLibrary library, ImportedFrameworkStore frameworks, ImportedMappingStore mappings, TimeProvider clock)
{
    /// <summary>
    /// Stores a framework read from an OSCAL catalog (optionally resolved through a profile), replacing an imported
    /// one with the same ID; a shipped framework's ID is refused.
    /// </summary>
    public async Task<Result<Versioned<ImportedFramework>>> ImportFrameworkAsync(Account actor, FrameworkImport read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(read);
        if (!actor.ManagesProgram)
        {
            return new Error(ErrorCodes.Forbidden, "only an admin or a compliance manager imports frameworks");
        }

        var fw = read.Framework;
        if (FrameworkLibrary.IsShipped(fw.Id))
        {
            return new Error(ErrorCodes.DuplicateId, $"framework '{fw.Id}' is shipped with Trellis; choose another ID (--id)");
        }

        var record = AuditRecords.Of(clock, actor, "framework.import", $"framework/{fw.Id}", new { id = fw.Id, name = fw.Name, format = "oscal-catalog-json", requirements = fw.Requirements.Count });
        return await frameworks.SaveAsync(record, new ImportedFramework(fw.Id, fw.Name, "oscal-catalog-json", read.CatalogJson), cancellationToken: ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Imports an OSCAL mapping collection (all or nothing) and merges its links into the imported links between its
    /// two frameworks: new pairs of requirements are added, pairs already imported take the file's link, identical
    /// links change nothing (so re-importing a file writes nothing), and a pair the shipped crosswalk links is left to
    /// the shipped, reviewed link and reported as ignored.
    /// </summary>
    /// <param name="actor">Who imports.</param>
    /// <param name="document">The mapping collection, UTF-8 JSON.</param>
    /// <param name="source">Its name in messages and the audit trail (a file name).</param>
    /// <param name="options">Explicit frameworks (<c>--source</c>, <c>--target</c>), default strength, limits.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<Result<MappingImportSummary>> ImportMappingAsync(Account actor, ReadOnlyMemory<byte> document, string source, MappingImportOptions? options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(source);
        if (!actor.ManagesProgram)
        {
            return new Error(ErrorCodes.Forbidden, "only an admin or a compliance manager imports mappings");
        }

        var catalog = await library.CatalogAsync(ct).ConfigureAwait(false);
        var read = OscalMappingImport.Parse(document, source, catalog, options);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var (from, to) = (read.Value.SourceFramework, read.Value.TargetFramework);
        var stored = await mappings.FindAsync(from, to, ct).ConfigureAwait(false);
        var reverse = await mappings.FindAsync(to, from, ct).ConfigureAwait(false);
        var merge = MappingMerge.Merge(read.Value, stored, reverse, FrameworkLibrary.ShippedMappings);
        if (merge.Added == 0 && merge.Updated == 0)
        {
            return new MappingImportSummary(from, to, 0, 0, merge.Unchanged, merge.Ignored, stored?.Revision ?? 0);
        }

        var record = AuditRecords.Of(clock, actor, "mapping.import", $"mapping/{ImportedMappingStore.IdOf(from, to)}", new
        {
            source,
            from,
            to,
            added = merge.Added,
            updated = merge.Updated,
            unchanged = merge.Unchanged,
            ignored = merge.Ignored.Count,
        });
        var saved = await mappings.SaveAsync(record, merge.Set, stored?.Revision, ct).ConfigureAwait(false);
        return saved.IsSuccess
            ? new MappingImportSummary(from, to, merge.Added, merge.Updated, merge.Unchanged, merge.Ignored, saved.Value.Revision)
            : saved.Error!;
    }
}
