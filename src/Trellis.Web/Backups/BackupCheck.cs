using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Trellis.Data.AuditTrail;
using Trellis.Web.Hosting;

namespace Trellis.Web.Backups;

/// <summary>What a backup holds, checked: the audit trail's hash chain and every evidence file against its SHA-256.</summary>
/// <param name="Ok">True when the chain verifies, every file matches its hash and every evidence version's file is there.</param>
/// <param name="AuditEntries">Entries in the audit trail.</param>
/// <param name="AuditHead">Hash of the last entry (what <c>audit-log checkpoint</c> would record).</param>
/// <param name="Controls">Controls in the program.</param>
/// <param name="EvidenceItems">Evidence items in the program.</param>
/// <param name="Files">Evidence files (blobs).</param>
/// <param name="Message">"OK" or what is wrong.</param>
public sealed record BackupCheck(bool Ok, long AuditEntries, string AuditHead, int Controls, int EvidenceItems, int Files, string Message)
{
    /// <summary>Checks the database <paramref name="db"/> (already migrated): read-only.</summary>
    public static async Task<BackupCheck> RunAsync(WebDatabase db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var web = db.CreateContext();
        await using (web.ConfigureAwait(false))
        {
            var chain = await AuditVerifier.VerifyAsync(web, ct).ConfigureAwait(false);
            var program = db.Program.CreateContext();
            await using (program.ConfigureAwait(false))
            {
                var controls = await program.Controls.CountAsync(ct).ConfigureAwait(false);
                var evidence = await program.Evidence.CountAsync(ct).ConfigureAwait(false);
                var files = 0;
                string? bad = null;
                await foreach (var blob in program.Blobs.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
                {
                    files++;
                    var actual = Convert.ToHexStringLower(SHA256.HashData(blob.Content));
                    if (bad is null && (actual != blob.Sha256 || blob.Size != blob.Content.LongLength))
                    {
                        bad = $"evidence file {blob.Sha256} is damaged: its bytes hash to {actual}";
                    }
                }

                var missing = await program.EvidenceVersions.AsNoTracking()
                    .Where(v => v.Sha256 != null && !program.Blobs.Any(b => b.Sha256 == v.Sha256))
                    .Select(v => v.Sha256).FirstOrDefaultAsync(ct).ConfigureAwait(false);
                bad ??= missing is null ? null : $"evidence file {missing} is referenced by an evidence version but missing";
                bad ??= chain.Ok ? null : $"audit trail does not verify: {chain.Message}";
                return new BackupCheck(bad is null, chain.Entries, chain.Head, controls, evidence, files, bad ?? "OK");
            }
        }
    }

    /// <summary>One line for people: counts and the result.</summary>
    public string Describe() =>
        $"{Controls} controls, {EvidenceItems} evidence items, {Files} files, {AuditEntries} audit entries (head {AuditHead[..Math.Min(12, AuditHead.Length)]}): {Message}";
}
