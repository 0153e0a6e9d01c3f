using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Web.Auth;
using Trellis.Web.Hosting;

namespace Trellis.Cli.Commands;

/// <summary><c>trellis serve</c>, <c>trellis users …</c> (<see cref="UserCommands"/>), <c>trellis audit-log</c> and <c>trellis tokens</c>: the web app and its state.</summary>
internal static class ServeCommands
{
    public static IEnumerable<Command> Create(CliContext ctx)
    {
        yield return Serve(ctx);
        yield return UserCommands.Users(ctx);
        var log = new Command("audit-log", "The web app's hash-chained audit trail.");
        log.Subcommands.Add(Verify(ctx));
        log.Subcommands.Add(ListLog(ctx));
        log.Subcommands.Add(AuditCheckpointCommands.Checkpoint(ctx, Db));
        yield return log;
        var tokens = new Command("tokens", "Personal API tokens (Authorization: Bearer trl_…) for automation.");
        tokens.Subcommands.Add(CreateToken(ctx));
        tokens.Subcommands.Add(RevokeToken(ctx));
        yield return tokens;
    }

    // Who acts on the web state: the operating-system user, or the account named by --as when it is an admin (or, for
    // its own tokens, the account itself).
    internal static async Task<string> ActorAsync(ParseResult parse, Option<string?> db, CliContext ctx, string? owner, CancellationToken ct)
    {
        if (parse.GetValue(ctx.ActAs) is not { } email)
        {
            return Account.Operator(Environment.UserName).Email;
        }

        var database = CliContext.Require(Trellis.Data.TrellisDatabase.Open(parse.GetValue(db)));
        await new WebDatabase(database).MigrateAsync(ct).ConfigureAwait(false);
        var actor = CliContext.Require(await OfflineTasks.AccountAsync(database, email, ctx.Clock, ct).ConfigureAwait(false));
        return actor.Role == Roles.Admin || string.Equals(actor.Email, owner, StringComparison.OrdinalIgnoreCase)
            ? actor.Email
            : throw new CliFailureException(new Error(ErrorCodes.Forbidden, $"{actor.Email} is {actor.Role}: only an admin manages accounts and other people's tokens", "--as"));
    }

    internal static Option<string?> Db() => new("--db")
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
                try
                {
                    await app.StartAsync(ct).ConfigureAwait(false);
                }
                catch (KeyRingRefusedException refused)
                {
                    await ctx.Err.WriteLineAsync($"error: {refused.Message}").ConfigureAwait(false);
                    return ExitCodes.Invalid;
                }

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

    private static Command ListLog(CliContext ctx)
    {
        var db = Db();
        var since = new Option<long?>("--since") { Description = "Only entries after this sequence number." };
        var format = Options.Format("table", "json");
        var cmd = new Command("list", "The audit trail in chain order: seq, at (UTC), actor, action, target.") { since, format, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var entries = CliContext.Require(await OfflineTasks.ListAuditTrailAsync(parse.GetValue(db), parse.GetValue(since), ct).ConfigureAwait(false));
            var rows = entries.Select(e => new { seq = e.Sequence, at = e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), actor = e.Actor, action = e.Action, target = e.Resource }).ToList();
            if (parse.GetValue(format) == "json")
            {
                Output.Render.WriteJson(ctx.Out, rows);
            }
            else
            {
                Output.Render.WriteTable(ctx.Out, ["seq", "at", "actor", "action", "target"], [.. rows.Select(r => (IReadOnlyList<string>)[r.seq.ToString(CultureInfo.InvariantCulture), r.at, r.actor, r.action, r.target])], $"{rows.Count} entries");
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command CreateToken(CliContext ctx)
    {
        var db = Db();
        var email = new Argument<string>("email") { Description = "The account the token acts as." };
        var name = new Option<string>("--name") { Description = "A name to find (and revoke) the token by.", Required = true };
        var expires = new Option<string?>("--expires") { Description = "Last day the token works (YYYY-MM-DD, UTC); none by default." };
        var cmd = new Command("create", "Create a personal API token and print it once (only its hash is stored).") { email, name, expires, db };
        cmd.SetAction(async (parse, ct) =>
        {
            DateTimeOffset? until = Date(parse.GetValue(expires), "--expires") is { } d ? new DateTimeOffset(d.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
            var actor = await ActorAsync(parse, db, ctx, parse.GetValue(email), ct).ConfigureAwait(false);
            var issued = CliContext.Require(await OfflineTasks.CreateTokenAsync(parse.GetValue(db), ctx.Clock, actor, parse.GetValue(email)!, parse.GetValue(name)!, until, ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync(issued.Secret).ConfigureAwait(false);
            await ctx.Err.WriteLineAsync($"token '{issued.Row.Name}' for {parse.GetValue(email)}: shown only now; send it as Authorization: Bearer …").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command RevokeToken(CliContext ctx)
    {
        var db = Db();
        var name = new Argument<string>("name") { Description = "The token's name." };
        var user = new Option<string>("--user") { Description = "The account's e-mail.", Required = true };
        var cmd = new Command("revoke", "Revoke an account's token by name; it stops working at once.") { name, user, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var actor = await ActorAsync(parse, db, ctx, parse.GetValue(user), ct).ConfigureAwait(false);
            var count = CliContext.Require(await OfflineTasks.RevokeTokenAsync(parse.GetValue(db), ctx.Clock, actor, parse.GetValue(user)!, parse.GetValue(name)!, ct).ConfigureAwait(false));
            await ctx.Out.WriteLineAsync($"revoked {count} token(s) named '{parse.GetValue(name)}' of {parse.GetValue(user)}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Verify(CliContext ctx)
    {
        var db = Db();
        var checkpoint = new Option<string?>("--checkpoint") { Description = "A file written by audit-log checkpoint: also fail when the entry it recorded is gone or changed (a cut at the end)." };
        var cmd = new Command("verify", "Recompute the hash chain; name the first entry altered or removed (exit 2), or say OK.") { db, checkpoint };
        cmd.SetAction(async (parse, ct) =>
        {
            var head = parse.GetValue(checkpoint) is { } file ? CliContext.Require(AuditCheckpointCommands.Read(file)) : null;
            var result = CliContext.Require(await OfflineTasks.VerifyAuditTrailAsync(parse.GetValue(db), head, ct).ConfigureAwait(false));
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

    internal static DateOnly? Date(string? text, string option) => text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new CliFailureException(new Error(ErrorCodes.InvalidDate, $"{option} must be a date like 2026-12-31, not '{text}'"));
}
