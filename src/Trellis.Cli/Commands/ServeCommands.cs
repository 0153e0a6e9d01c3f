using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Trellis.Core.Common;
using Trellis.Web.Auth;
using Trellis.Web.Hosting;

namespace Trellis.Cli.Commands;

/// <summary><c>trellis serve</c>, <c>trellis users add</c> and <c>trellis audit-log verify</c>: the web app and its state.</summary>
internal static class ServeCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        yield return Serve(ctx);
        var users = new Command("users", "Accounts of the web app.");
        users.Subcommands.Add(AddUser(ctx));
        yield return users;
        var log = new Command("audit-log", "The web app's hash-chained audit trail.");
        log.Subcommands.Add(Verify(ctx));
        yield return log;
    }

    private static Option<string?> Db() => new("--db")
    {
        Description = "Database: a SQLite file, a connection string or postgres:// URI. The default is TRELLIS_DB, else ./trellis.db.",
    };

    private static Command Serve(CliContext ctx)
    {
        var db = Db();
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => ServeRequest.DefaultUrls };
        var demo = new Option<bool>("--demo") { Description = "Load the demo program into an empty database." };
        var cmd = new Command("serve", "Run the web app (UI and REST API) on the same database the CLI uses.") { db, urls, demo };
        cmd.SetAction(async (parse, ct) =>
        {
            var target = CliContext.Require(WebDatabase.Open(parse.GetValue(db)));
            var app = TrellisWebHost.CreateBuilder(new ServeRequest(parse.GetValue(db), parse.GetValue(urls), parse.GetValue(demo)), console: ctx.Out).Build();
            await using (app.ConfigureAwait(false))
            {
                app.UseTrellisWeb();
                await app.StartAsync(ct).ConfigureAwait(false);
                var addresses = TrellisWebHost.Addresses(app);
                var address = addresses.Count > 0 ? addresses[0] : parse.GetValue(urls);
                ctx.Out.WriteLine($"Trellis is running at {address} (database: {target.Description}).");
                ctx.Out.WriteLine($"Sign in at {address}/account/login with your account — on a first start, the administrator and one-time password printed above; "
                    + "more accounts: trellis users add <email> --role <role>. Press Ctrl+C to stop.");
                await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command AddUser(CliContext ctx)
    {
        var email = new Argument<string>("email") { Description = "E-mail: the sign-in name, and the owner name controls use." };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}.", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input; otherwise a random one is printed once." };
        var expires = new Option<string?>("--expires") { Description = "Last day the account works (YYYY-MM-DD, UTC); required for auditors." };
        var engagement = new Option<string?>("--engagement") { Description = "Auditor: the engagement ID on record; its framework and window are the default scope." };
        var frameworks = new Option<string?>("--frameworks") { Description = "Auditor: framework IDs, comma-separated (default: the engagement's)." };
        var from = new Option<string?>("--window-from") { Description = "Auditor: first day of the window whose evidence they see (YYYY-MM-DD)." };
        var to = new Option<string?>("--window-to") { Description = "Auditor: last day of that window (YYYY-MM-DD)." };
        var db = Db();
        var cmd = new Command("add", "Create an account.") { email, role, stdin, expires, engagement, frameworks, from, to, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var password = parse.GetValue(stdin) ? Console.In.ReadLine()?.TrimEnd('\r', '\n') : null;
            var expiry = Date(parse.GetValue(expires), "--expires");
            // With --engagement alone, the frameworks and the window come from the engagement on record.
            var scope = parse.GetValue(frameworks) is not null || parse.GetValue(engagement) is not null
                ? new AuditorScope(
                    parse.GetValue(engagement),
                    (parse.GetValue(frameworks) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal),
                    Date(parse.GetValue(from), "--window-from"),
                    Date(parse.GetValue(to), "--window-to"))
                : null;

            // The account works through the whole last day (UTC).
            DateTimeOffset? expiresAt = expiry is { } d ? new DateTimeOffset(d.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
            var account = new NewAccount(parse.GetValue(email)!, parse.GetValue(role)!, null, expiresAt, scope);
            var created = CliContext.Require(await OfflineTasks.AddAccountAsync(parse.GetValue(db), account, password, ct).ConfigureAwait(false));
            ctx.Out.WriteLine($"Created {created.Email} ({account.Role}).");
            if (password is null)
            {
                ctx.Out.WriteLine($"One-time password (shown only now): {created.Password}");
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Verify(CliContext ctx)
    {
        var db = Db();
        var cmd = new Command("verify", "Recompute the hash chain; name the first entry altered or removed (exit 2), or say OK.") { db };
        cmd.SetAction(async (parse, ct) =>
        {
            var result = CliContext.Require(await OfflineTasks.VerifyAuditTrailAsync(parse.GetValue(db), ct).ConfigureAwait(false));
            if (!result.Ok)
            {
                ctx.Err.WriteLine($"error: audit trail broken: {result.Message} (first bad entry: {result.FirstBad})");
                return ExitCodes.Invalid;
            }

            ctx.Out.WriteLine(result.Message);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static DateOnly? Date(string? text, string option) => text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new CliFailureException(new Error("invalid-date", $"{option} must be a date like 2026-12-31, not '{text}'"));
}
