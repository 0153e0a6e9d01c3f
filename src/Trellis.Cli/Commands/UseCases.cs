using Trellis.Application.Actors;
using Trellis.Application.Catalogs;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Application.Operations;
using Trellis.Application.People;
using Trellis.Application.Vendors;
using Trellis.Data;

namespace Trellis.Cli.Commands;

/// <summary>
/// The application layer's use cases on one database, acted by the person at the command line
/// (<see cref="Account.Operator"/>: <c>cli:&lt;operating-system user&gt;</c> in the audit trail). Commands write only
/// through these, so every CLI write is one transaction with its audit entry, under the web app's rules.
/// </summary>
internal sealed class UseCases
{
    private readonly TimeProvider _clock;
    private Trellis.Application.Collectors.CollectorService? _collectors;

    private UseCases(TrellisDatabase database, TimeProvider clock, Account actor)
    {
        Actor = actor;
        _clock = clock;
        var store = new ProgramStore(database);
        var engagements = new EngagementStore(database);
        Library = Libraries.Of(database);
        Program = new ProgramService(store, new ProgramCache(store), Library, clock);
        Imports = new ProgramImports(store, engagements, clock);
        Catalogs = new CatalogImports(Library, new ImportedFrameworkStore(database), new ImportedMappingStore(database), clock);
        Engagements = new EngagementService(engagements, Program, clock, CliContext.Require(Trellis.Web.Hosting.TrellisWebServices.SamplingOptions()));
        Tasks = new TaskService(Program, store, clock);
        var audience = new Trellis.Application.Policies.StaffAudience(store, new Trellis.Web.Hosting.AccountAudience(database), clock);
        Policies = new Trellis.Application.Policies.PolicyService(Program, store, audience, clock);
        Digests = new DigestService(Program, Tasks, Engagements, [new Trellis.Application.Policies.PolicyDigestSource(store, audience), new RegisterDigestSource(store)]);
        var (smtp, scheduler) = CliContext.Require(Trellis.Web.Hosting.TrellisWebServices.NotificationOptions());
        Scheduler = scheduler;
        var notifications = new NotificationStore(database);
        Notifications = new NotificationService(notifications, clock);
        Jobs = new NotificationJobs(Digests, Program, notifications, new SmtpMailer(smtp), scheduler, JobInstance.Create(), clock);
        People = new PeopleService(Program, store, clock);
        Vendors = new VendorService(Program, store, clock);
        Database = database;
    }

    /// <summary>Who acts: the operating-system user with every right, or the web account named by <c>--as</c>.</summary>
    public Account Actor { get; }

    /// <summary>The database.</summary>
    public TrellisDatabase Database { get; }

    /// <summary>Controls, evidence, risks, SoA.</summary>
    public ProgramService Program { get; }

    /// <summary>Whole-program replacement, the demo, controls imports.</summary>
    public ProgramImports Imports { get; }

    /// <summary>The frameworks and mappings, shipped and imported into this database.</summary>
    public FrameworkLibrary Library { get; }

    /// <summary>Framework and mapping imports.</summary>
    public CatalogImports Catalogs { get; }

    /// <summary>Engagements and findings.</summary>
    public EngagementService Engagements { get; }

    /// <summary>Recurring control tasks.</summary>
    public TaskService Tasks { get; }

    /// <summary>Policies: adopt, approve, publish, acknowledge, export.</summary>
    public Trellis.Application.Policies.PolicyService Policies { get; }

    /// <summary>The daily digest per person.</summary>
    public DigestService Digests { get; }

    /// <summary>In-app notifications and preferences.</summary>
    public NotificationService Notifications { get; }

    /// <summary>The scheduled jobs (digest, stale-evidence sweep), run once per slot.</summary>
    public NotificationJobs Jobs { get; }

    /// <summary>The scheduler's settings (schedules, time zone, lease) from the environment.</summary>
    public SchedulerOptions Scheduler { get; }
    /// <summary>The staff register.</summary>
    public PeopleService People { get; }

    /// <summary>The vendor register.</summary>
    public VendorService Vendors { get; }

    /// <summary>Collectors (issue 19); their secrets are protected with the database's key ring, opened on first use.</summary>
    public Trellis.Application.Collectors.CollectorService Collectors => _collectors ??= new(
        new ProgramStore(Database), Program,
        CliContext.Require(Trellis.Web.Hosting.CollectorSecrets.ForDatabase(Database, Microsoft.Extensions.Configuration.EnvironmentVariablesExtensions.AddEnvironmentVariables(new Microsoft.Extensions.Configuration.ConfigurationBuilder()).Build())),
        Trellis.Application.Collectors.CollectorService.Available(_clock), _clock);

    /// <summary>The use cases on a database already open.</summary>
    public static UseCases On(TrellisDatabase database, CliContext ctx) => new(database, ctx.Clock, Account.Operator(Environment.UserName));

    /// <summary>Opens (and migrates) the database named by <c>--db</c>, <c>TRELLIS_DB</c> or <c>./trellis.db</c>.</summary>
    /// With <c>--as EMAIL</c> the commands act as that web account: unknown, expired or locked accounts are refused.
    public static async Task<UseCases> OpenAsync(System.CommandLine.ParseResult parse, System.CommandLine.Option<string?> option, CliContext ctx, CancellationToken ct)
    {
        var database = await Db.OpenAsync(parse, option, ct).ConfigureAwait(false);
        var actor = parse.GetValue(ctx.ActAs) is { } email
            ? CliContext.Require(await Trellis.Web.Hosting.OfflineTasks.AccountAsync(database, email, ctx.Clock, ct).ConfigureAwait(false))
            : Account.Operator(Environment.UserName);
        return new(database, ctx.Clock, actor);
    }
}

/// <summary>The <see cref="FrameworkLibrary"/> a command reads frameworks and mappings from.</summary>
internal static class Libraries
{
    /// <summary>The shipped content plus what was imported into <paramref name="database"/>.</summary>
    public static FrameworkLibrary Of(TrellisDatabase database) =>
        new(new ImportedFrameworkStore(database), new ImportedMappingStore(database));

    /// <summary>
    /// The shipped content, plus what was imported when a database is named (<c>--db</c> or <c>TRELLIS_DB</c>) or
    /// <c>./trellis.db</c> exists; never creates a database just to read frameworks.
    /// </summary>
    public static async Task<FrameworkLibrary> OpenAsync(System.CommandLine.ParseResult parse, System.CommandLine.Option<string?> option, CancellationToken ct) =>
        await Db.OpenIfPresentAsync(parse, option, ct).ConfigureAwait(false) is { } database ? Of(database) : FrameworkLibrary.ShippedOnly();

    /// <summary>The crosswalk of <see cref="OpenAsync"/>, with a warning on standard error for each stored import it could not read.</summary>
    public static async Task<Trellis.Core.Crosswalk.CrosswalkEngine> EngineAsync(System.CommandLine.ParseResult parse, System.CommandLine.Option<string?> option, CliContext ctx, CancellationToken ct)
    {
        var library = await OpenAsync(parse, option, ct).ConfigureAwait(false);
        foreach (var problem in await library.ProblemsAsync(ct).ConfigureAwait(false))
        {
            await ctx.Err.WriteLineAsync($"warning: {problem}").ConfigureAwait(false);
        }

        return await library.EngineAsync(ct).ConfigureAwait(false);
    }
}
