using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Application.Engagements;
using Trellis.Data;

namespace Trellis.Cli.Commands;

/// <summary>
/// The application layer's use cases on one database, acted by the person at the command line
/// (<see cref="Account.Operator"/>: <c>cli:&lt;operating-system user&gt;</c> in the audit trail). Commands write only
/// through these, so every CLI write is one transaction with its audit entry, under the web app's rules.
/// </summary>
internal sealed class UseCases
{
    private UseCases(TrellisDatabase database, TimeProvider clock)
    {
        var store = new ProgramStore(database);
        var audits = new AuditStore(database);
        Program = new ProgramService(store, new ProgramCache(store), clock);
        Imports = new ProgramImports(store, audits, new ImportedFrameworkStore(database), clock);
        Engagements = new EngagementService(audits, Program, clock);
        Database = database;
    }

    /// <summary>Who acts: the operating-system user, with every right.</summary>
    public Account Actor { get; } = Account.Operator(Environment.UserName);

    /// <summary>The database.</summary>
    public TrellisDatabase Database { get; }

    /// <summary>Controls, evidence, risks, SoA.</summary>
    public ProgramService Program { get; }

    /// <summary>Whole-program replacement, the demo, controls and framework imports.</summary>
    public ProgramImports Imports { get; }

    /// <summary>Engagements and findings.</summary>
    public EngagementService Engagements { get; }

    /// <summary>Opens (and migrates) the database named by <c>--db</c>, <c>TRELLIS_DB</c> or <c>./trellis.db</c>.</summary>
    public static async Task<UseCases> OpenAsync(System.CommandLine.ParseResult parse, System.CommandLine.Option<string?> option, CliContext ctx, CancellationToken ct) =>
        new(await Db.OpenAsync(parse, option, ct).ConfigureAwait(false), ctx.Clock);
}
