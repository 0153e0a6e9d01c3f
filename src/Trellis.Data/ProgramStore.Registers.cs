using Microsoft.EntityFrameworkCore;
using Trellis.Core.People;
using Trellis.Core.Vendors;
using Trellis.Data.AuditTrail;
using Trellis.Data.Rows;

namespace Trellis.Data;

/// <summary>
/// The staff register and the vendor register (issue 17, items 5 and 6), each entry one JSON document in
/// <c>register_entries</c>. Every write is one transaction with its audit entry and moves the program's revision (vendor
/// standing feeds readiness and the dashboard).
/// </summary>
public sealed partial class ProgramStore
{
    private const string PersonKind = "person";
    private const string VendorKind = "vendor";
    private const string SettingsKind = "settings";

    /// <summary>Every person of the register, by e-mail.</summary>
    public async Task<IReadOnlyList<Person>> PeopleAsync(CancellationToken cancellationToken = default) =>
        [.. (await EntriesAsync(PersonKind, cancellationToken).ConfigureAwait(false)).Select(DataJson.Read<Person>)];

    /// <summary>Every vendor of the register, by ID.</summary>
    public async Task<IReadOnlyList<Vendor>> VendorsAsync(CancellationToken cancellationToken = default) =>
        [.. (await EntriesAsync(VendorKind, cancellationToken).ConfigureAwait(false)).Select(DataJson.Read<Vendor>)];

    /// <summary>The register's settings (defaults until saved).</summary>
    public async Task<PeopleSettings> PeopleSettingsAsync(CancellationToken cancellationToken = default) =>
        (await EntriesAsync(SettingsKind, cancellationToken).ConfigureAwait(false)) is [var json] ? DataJson.Read<PeopleSettings>(json) : new PeopleSettings();

    /// <summary>
    /// Saves people (new ones added, existing ones, by <see cref="Person.Id"/>, replaced) with one audit entry, all or
    /// nothing: an e-mail another person already has fails the whole write.
    /// </summary>
    public Task SavePeopleAsync(AuditRecord audit, IReadOnlyList<Person> people, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        return WriteEntriesAsync(audit, [.. people.Select(p => (PersonKind, p.Id, p.Email, DataJson.Write(p)))], [], cancellationToken);
    }

    /// <summary>Deletes a person's row (erasure) with its audit entry; false when there was none.</summary>
    public async Task<bool> ErasePersonAsync(AuditRecord audit, string personId, CancellationToken cancellationToken = default)
    {
        var existed = (await EntriesAsync(PersonKind, cancellationToken, personId).ConfigureAwait(false)).Count > 0;
        if (existed)
        {
            await WriteEntriesAsync(audit, [], [(PersonKind, personId)], cancellationToken).ConfigureAwait(false);
        }

        return existed;
    }

    /// <summary>Adds or replaces a vendor (by ID) with its audit entry.</summary>
    public Task SaveVendorAsync(AuditRecord audit, Vendor vendor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        return WriteEntriesAsync(audit, [(VendorKind, vendor.Id, vendor.Id, DataJson.Write(vendor))], [], cancellationToken);
    }

    /// <summary>Deletes a vendor with its audit entry; false when there was none.</summary>
    public async Task<bool> DeleteVendorAsync(AuditRecord audit, string vendorId, CancellationToken cancellationToken = default)
    {
        var existed = (await EntriesAsync(VendorKind, cancellationToken, vendorId).ConfigureAwait(false)).Count > 0;
        if (existed)
        {
            await WriteEntriesAsync(audit, [], [(VendorKind, vendorId)], cancellationToken).ConfigureAwait(false);
        }

        return existed;
    }

    /// <summary>Saves the register's settings with its audit entry.</summary>
    public Task SavePeopleSettingsAsync(AuditRecord audit, PeopleSettings settings, CancellationToken cancellationToken = default) =>
        WriteEntriesAsync(audit, [(SettingsKind, "people", "people", DataJson.Write(settings))], [], cancellationToken);

    /// <summary>
    /// Replaces both registers and the settings as a whole (program.yaml, the demo) with one audit entry, all or nothing.
    /// </summary>
    public async Task ReplaceRegistersAsync(AuditRecord audit, IReadOnlyList<Person> people, IReadOnlyList<Vendor> vendors, PeopleSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(vendors);
        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            await BumpRevisionAsync(db, ct).ConfigureAwait(false);
            await WriteRegistersAsync(db, new RegisterSet(people, vendors, settings), ct).ConfigureAwait(false);
            await AuditJournal.AppendAsync(db, Database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Appends an audit entry for a read worth recording (a person's data exported), changing nothing else.</summary>
    public async Task AppendAuditAsync(AuditRecord audit, CancellationToken cancellationToken = default)
    {
        var ct = cancellationToken;
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            await AuditJournal.AppendAsync(db, Database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
    }

    // Both registers and the settings replaced as a whole, inside the caller's transaction.
    private static async Task WriteRegistersAsync(TrellisDbContext db, RegisterSet registers, CancellationToken ct)
    {
        await db.RegisterEntries.ExecuteDeleteAsync(ct).ConfigureAwait(false);
        db.RegisterEntries.AddRange(registers.People.Select(p => Row(PersonKind, p.Id, p.Email, DataJson.Write(p))));
        db.RegisterEntries.AddRange(registers.Vendors.Select(v => Row(VendorKind, v.Id, v.Id, DataJson.Write(v))));
        db.RegisterEntries.Add(Row(SettingsKind, "people", "people", DataJson.Write(registers.Settings)));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
    }

    private static RegisterEntryRow Row(string kind, string id, string key, string json) => new() { Kind = kind, Id = id, Key = key, Document = json };

    private async Task<IReadOnlyList<string>> EntriesAsync(string kind, CancellationToken ct, string? id = null)
    {
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            var q = db.RegisterEntries.AsNoTracking().Where(r => r.Kind == kind);
            if (id is not null)
            {
                q = q.Where(r => r.Id == id);
            }

            return await q.OrderBy(r => r.Key).Select(r => r.Document).ToListAsync(ct).ConfigureAwait(false);
        }
    }

    private async Task WriteEntriesAsync(AuditRecord audit, IReadOnlyList<(string Kind, string Id, string Key, string Json)> upserts, IReadOnlyList<(string Kind, string Id)> deletes, CancellationToken ct)
    {
        var db = Database.CreateContext();
        await using (db.ConfigureAwait(false))
        {
            await using var tx = await StoreTransactions.BeginWriteAsync(db, ct).ConfigureAwait(false);
            await BumpRevisionAsync(db, ct).ConfigureAwait(false);
            foreach (var (kind, id) in deletes)
            {
                await db.RegisterEntries.Where(r => r.Kind == kind && r.Id == id).ExecuteDeleteAsync(ct).ConfigureAwait(false);
            }

            foreach (var (kind, id, key, json) in upserts)
            {
                var row = await db.RegisterEntries.SingleOrDefaultAsync(r => r.Kind == kind && r.Id == id, ct).ConfigureAwait(false);
                if (row is null)
                {
                    db.RegisterEntries.Add(Row(kind, id, key, json));
                }
                else
                {
                    row.Key = key;
                    row.Document = json;
                    row.Version++;
                }
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await AuditJournal.AppendAsync(db, Database.Provider, audit, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
    }
}

/// <summary>The staff and vendor registers and the off-boarding settings, replaced together (program.yaml, the demo).</summary>
/// <param name="People">The staff register.</param>
/// <param name="Vendors">The vendor register.</param>
/// <param name="Settings">The off-boarding settings.</param>
public sealed record RegisterSet(IReadOnlyList<Person> People, IReadOnlyList<Vendor> Vendors, PeopleSettings Settings);
