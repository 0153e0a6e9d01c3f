using Microsoft.EntityFrameworkCore;
using Trellis.Core.People;
using Trellis.Core.Program;
using Trellis.Core.Vendors;
using Trellis.Data.AuditTrail;
using Trellis.Data.Tests.Infrastructure;

namespace Trellis.Data.Tests;

/// <summary>The staff and vendor registers (issue 17, items 5 and 6) on every database, through the real migrations.</summary>
public sealed class RegisterStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly Person Ana = new()
    {
        Id = "P-0000000000a1",
        Email = "ana@example.com",
        Name = "Ana Lopez",
        Title = "Engineer",
        StartDate = new DateOnly(2024, 1, 15),
        EndDate = new DateOnly(2026, 11, 30),
        Manager = "bo@example.com",
        Training = [new TrainingCompletion(new DateOnly(2026, 3, 1), "Awareness 2026")],
        Screening = new ScreeningRecord(new DateOnly(2024, 1, 2), "Verified Ltd"),
        Offboarding = [new OffboardingItem("SSO", new DateOnly(2026, 11, 30), "it@example.com"), new OffboardingItem("Laptop")],
    };

    private static readonly Vendor Cloud = new()
    {
        Id = "V-CLOUD",
        Name = "Cloud Host",
        Service = "Hosting",
        DataShared = "Customer data",
        Criticality = VendorCriticality.Critical,
        Owner = "tom@example.com",
        ReviewCadence = Cadence.SemiAnnual,
        LastReview = new DateOnly(2026, 6, 1),
        Soc2 = new Soc2Assurance(Soc2ReportType.Type2, new DateOnly(2024, 10, 1), new DateOnly(2025, 9, 30), AuditOpinion.Qualified),
        Iso27001 = new IsoCertificateAssurance("C-1", new DateOnly(2027, 5, 31)),
        RiskIds = ["R-01"],
        Subservice = new VendorSubservice(SubserviceMethod.CarveOut, [new ComplementarySubserviceControl("Physical access restricted", ["AC-01"])]),
    };

    [SkippableTheory, DatabaseData]
    public async Task SavePeopleAsync_Person_ReadsBackEqual(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));

        await store.SavePeopleAsync(TestAudit.Record, [Ana]);
        await store.SavePeopleAsync(TestAudit.Record, [Ana with { Title = "Staff Engineer" }]);

        var read = Assert.Single(await store.PeopleAsync());
        DeepAssert.Equal(Ana with { Title = "Staff Engineer" }, read);
    }

    [SkippableTheory, DatabaseData]
    public async Task SavePeopleAsync_EmailOfAnotherPerson_ChangesNothing(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.SavePeopleAsync(TestAudit.Record, [Ana]);

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => store.SavePeopleAsync(TestAudit.Record, [Ana with { Id = "P-0000000000b2", Title = "x" }, Ana with { Id = "P-0000000000c3" }]));

        DeepAssert.Equal(Ana, Assert.Single(await store.PeopleAsync()));
    }

    [SkippableTheory, DatabaseData]
    public async Task ErasePersonAsync_Person_RowGoneAndTheAuditEntryHoldsNoPersonalData(DatabaseProvider provider)
    {
        var database = await fixture.OpenAsync(provider);
        var store = new ProgramStore(database);
        await store.SavePeopleAsync(TestAudit.Record, [Ana]);

        var erased = await store.ErasePersonAsync(new AuditRecord(TestAudit.Record.At, "test", "person.erase", $"people/{Ana.Id}", null), Ana.Id);

        Assert.True(erased);
        Assert.Empty(await store.PeopleAsync());
        await using var db = database.CreateContext();
        var last = await db.Set<AuditEntry>().OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal("person.erase", last.Action);
        Assert.DoesNotContain("ana", last.Resource + last.Change, StringComparison.OrdinalIgnoreCase);
        Assert.False(await store.ErasePersonAsync(TestAudit.Record, Ana.Id));
    }

    [SkippableTheory, DatabaseData]
    public async Task SaveVendorAsync_VendorWithAssuranceAndCsocs_ReadsBackEqual(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));

        await store.SaveVendorAsync(TestAudit.Record, Cloud);

        DeepAssert.Equal(Cloud, Assert.Single(await store.VendorsAsync()));
        Assert.True(await store.DeleteVendorAsync(TestAudit.Record, Cloud.Id));
        Assert.Empty(await store.VendorsAsync());
    }

    [SkippableTheory, DatabaseData]
    public async Task ReplaceRegistersAsync_Registers_ReplaceEverythingAndKeepSettings(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        await store.SaveVendorAsync(TestAudit.Record, Cloud with { Id = "V-OLD" });
        var settings = new PeopleSettings { OffboardingDays = 3, OffboardingSystems = ["SSO"] };

        await store.ReplaceRegistersAsync(TestAudit.Record, [Ana], [Cloud], settings);

        Assert.Equal([Cloud.Id], (await store.VendorsAsync()).Select(v => v.Id));
        Assert.Equal([Ana.Id], (await store.PeopleAsync()).Select(p => p.Id));
        DeepAssert.Equal(settings, await store.PeopleSettingsAsync());
    }

    [SkippableTheory, DatabaseData]
    public async Task ReplaceAsync_WithRegisters_IsOneTransaction_ARefusedProgramLeavesTheRegistersAsTheyWere(DatabaseProvider provider)
    {
        var store = new ProgramStore(await fixture.OpenAsync(provider));
        var settings = new PeopleSettings { OffboardingDays = 2, OffboardingSystems = ["SSO"] };
        var registers = new RegisterSet([Ana], [Cloud], settings);

        var replaced = await store.ReplaceAsync(TestAudit.Record, ProgramSamples.Rich(), ProgramSamples.RichBlobs(), null, registers);
        Assert.True(replaced.IsSuccess, replaced.Error?.Message);
        Assert.Equal([Ana.Id], (await store.PeopleAsync()).Select(p => p.Id));
        Assert.Equal([Cloud.Id], (await store.VendorsAsync()).Select(v => v.Id));

        // A program the store refuses (an evidence item on no control of the program) takes its registers down with it.
        var bad = ProgramSamples.Rich() with { Evidence = [ProgramSamples.Rich().Evidence[0] with { ControlIds = ["NOPE-1"] }] };
        var refused = await store.ReplaceAsync(TestAudit.Record, bad, ProgramSamples.RichBlobs(), null, new RegisterSet([], [], new PeopleSettings()));
        Assert.False(refused.IsSuccess);
        Assert.Equal([Ana.Id], (await store.PeopleAsync()).Select(p => p.Id));
        Assert.Equal([Cloud.Id], (await store.VendorsAsync()).Select(v => v.Id));
        DeepAssert.Equal(settings, await store.PeopleSettingsAsync());
    }
}
