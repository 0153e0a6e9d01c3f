using System.CommandLine;
using System.Globalization;
using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Web.Auth;
using Trellis.Web.Hosting;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis users add|invite|reinvite|role|expiry|scope|disable|enable|revoke</c>: the web app's accounts, each change
/// through <c>AccountService</c> (audited, as on the Accounts page and the API).
/// </summary>
internal static class UserCommands
{
    public static Command Users(CliContext ctx)
    {
        var users = new Command("users", "Accounts of the web app.");
        users.Subcommands.Add(AddUser(ctx));
        users.Subcommands.Add(Invite(ctx));
        users.Subcommands.Add(Reinvite(ctx));
        users.Subcommands.Add(ChangeRole(ctx));
        users.Subcommands.Add(Expiry(ctx));
        users.Subcommands.Add(Scope(ctx));
        users.Subcommands.Add(Disable(ctx, enable: false));
        users.Subcommands.Add(Disable(ctx, enable: true));
        users.Subcommands.Add(Revoke(ctx));
        return users;
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
        var db = ServeCommands.Db();
        var cmd = new Command("add", "Create an account.") { email, role, stdin, expires, engagement, frameworks, from, to, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var password = parse.GetValue(stdin) ? Console.In.ReadLine()?.TrimEnd('\r', '\n') : null;
            var expiry = ServeCommands.Date(parse.GetValue(expires), "--expires");
            // With --engagement alone, the frameworks and the window come from the engagement on record.
            var scope = parse.GetValue(frameworks) is not null || parse.GetValue(engagement) is not null
                ? new AuditorScope(
                    parse.GetValue(engagement),
                    (parse.GetValue(frameworks) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal),
                    ServeCommands.Date(parse.GetValue(from), "--window-from"),
                    ServeCommands.Date(parse.GetValue(to), "--window-to"))
                : null;

            // The account works through the whole last day (UTC).
            DateTimeOffset? expiresAt = expiry is { } d ? new DateTimeOffset(d.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
            var account = new NewAccount(parse.GetValue(email)!, parse.GetValue(role)!, null, expiresAt, scope);
            var actor = await ServeCommands.ActorAsync(parse, db, ctx, null, ct).ConfigureAwait(false);
            var created = CliContext.Require(await OfflineTasks.AddAccountAsync(parse.GetValue(db), account, password, actor, ct).ConfigureAwait(false));
            ctx.Out.WriteLine($"Created {created.Email} ({account.Role}).");
            if (password is null)
            {
                ctx.Out.WriteLine($"One-time password (shown only now): {created.Password}");
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command ChangeRole(CliContext ctx)
    {
        var email = new Argument<string>("email") { Description = "The account's e-mail." };
        var role = new Option<string>("--role") { Description = $"The new role: one of {string.Join(", ", Roles.All.Where(r => r != Roles.Auditor))} (not to or from auditor).", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var db = ServeCommands.Db();
        var cmd = new Command("role", "Give an account another role; its browser sessions end at once.") { email, role, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var actor = await ServeCommands.ActorAsync(parse, db, ctx, null, ct).ConfigureAwait(false);
            var changed = CliContext.Require(await OfflineTasks.ChangeAccountAsync(
                parse.GetValue(db), parse.GetValue(email)!, (accounts, id) => accounts.ChangeRoleAsync(id, parse.GetValue(role)!, actor, ct), ct).ConfigureAwait(false));
            ctx.Out.WriteLine($"{changed.Email} is now {changed.Role}.");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Disable(CliContext ctx, bool enable)
    {
        var email = new Argument<string>("email") { Description = "The account's e-mail." };
        var db = ServeCommands.Db();
        var cmd = enable
            ? new Command("enable", "Enable a disabled account.") { email, db }
            : new Command("disable", "Disable an account: its sessions and API tokens stop working at once.") { email, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var actor = await ServeCommands.ActorAsync(parse, db, ctx, null, ct).ConfigureAwait(false);
            var changed = CliContext.Require(await OfflineTasks.ChangeAccountAsync(
                parse.GetValue(db), parse.GetValue(email)!, (accounts, id) => enable ? accounts.EnableAsync(id, actor, ct) : accounts.DisableAsync(id, actor, ct), ct).ConfigureAwait(false));
            ctx.Out.WriteLine(enable ? $"Enabled {changed.Email}." : $"Disabled {changed.Email}.");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Invite(CliContext ctx)
    {
        var email = new Argument<string>("email") { Description = "E-mail of the person invited." };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}.", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var expires = new Option<string?>("--expires") { Description = "Last day the account works (YYYY-MM-DD, UTC); required for auditors." };
        var engagement = new Option<string?>("--engagement") { Description = "Auditor: the engagement ID on record; its framework and window are the default scope." };
        var frameworks = new Option<string?>("--frameworks") { Description = "Auditor: framework IDs, comma-separated (default: the engagement's)." };
        var from = new Option<string?>("--window-from") { Description = "Auditor: first day of the window whose evidence they see (YYYY-MM-DD)." };
        var to = new Option<string?>("--window-to") { Description = "Auditor: last day of that window (YYYY-MM-DD)." };
        var baseUrl = BaseUrl();
        var db = ServeCommands.Db();
        var cmd = new Command("invite", "Create an account without a password and print a one-time link with which the person chooses it.")
        {
            email, role, expires, engagement, frameworks, from, to, baseUrl, db,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var scope = parse.GetValue(frameworks) is not null || parse.GetValue(engagement) is not null
                ? ScopeOf(parse.GetValue(engagement), parse.GetValue(frameworks), parse.GetValue(from), parse.GetValue(to))
                : null;
            var account = new NewAccount(parse.GetValue(email)!, parse.GetValue(role)!, null, EndOf(ServeCommands.Date(parse.GetValue(expires), "--expires")), scope);
            var actor = await ServeCommands.ActorAsync(parse, db, ctx, null, ct).ConfigureAwait(false);
            var invitation = CliContext.Require(await OfflineTasks.InviteAccountAsync(parse.GetValue(db), account, actor, ct).ConfigureAwait(false));
            await WriteInvitationAsync(ctx, invitation, parse.GetValue(baseUrl)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Reinvite(CliContext ctx)
    {
        var email = new Argument<string>("email") { Description = "The account's e-mail (one that has not chosen a password yet)." };
        var baseUrl = BaseUrl();
        var db = ServeCommands.Db();
        var cmd = new Command("reinvite", "Print a new invitation link for an account without a password; earlier links stop working.") { email, baseUrl, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var actor = await ServeCommands.ActorAsync(parse, db, ctx, null, ct).ConfigureAwait(false);
            var invitation = CliContext.Require(await OfflineTasks.ChangeAccountAsync(
                parse.GetValue(db), parse.GetValue(email)!, (accounts, id) => accounts.ReinviteAsync(id, actor, ct), ct).ConfigureAwait(false));
            await WriteInvitationAsync(ctx, invitation, parse.GetValue(baseUrl)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Expiry(CliContext ctx)
    {
        var email = new Argument<string>("email") { Description = "The account's e-mail." };
        var expires = new Option<string?>("--expires") { Description = "The new last day the account works (YYYY-MM-DD, UTC)." };
        var never = new Option<bool>("--never") { Description = "The account no longer expires (not for auditors)." };
        var db = ServeCommands.Db();
        var cmd = new Command("expiry", "Extend or shorten when an account stops working.") { email, expires, never, db };
        cmd.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(never) == (parse.GetValue(expires) is not null))
            {
                throw new CliFailureException(new Error(ErrorCodes.InvalidDate, "give either --expires YYYY-MM-DD or --never", "--expires"));
            }

            var until = EndOf(ServeCommands.Date(parse.GetValue(expires), "--expires"));
            var actor = await ServeCommands.ActorAsync(parse, db, ctx, null, ct).ConfigureAwait(false);
            var changed = CliContext.Require(await OfflineTasks.ChangeAccountAsync(
                parse.GetValue(db), parse.GetValue(email)!, (accounts, id) => accounts.ChangeExpiryAsync(id, until, actor, ct), ct).ConfigureAwait(false));
            ctx.Out.WriteLine(changed.ExpiresAt is null ? $"{changed.Email} no longer expires." : $"{changed.Email} is valid through {Trellis.Web.Pages.Admin.AccountsModel.ValidThrough(changed.ExpiresAt)}.");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Scope(CliContext ctx)
    {
        var email = new Argument<string>("email") { Description = "The auditor account's e-mail." };
        var engagement = new Option<string?>("--engagement") { Description = "The engagement ID on record; its framework and window are the default scope." };
        var frameworks = new Option<string?>("--frameworks") { Description = "Framework IDs, comma-separated (default: the engagement's)." };
        var from = new Option<string?>("--window-from") { Description = "First day of the window whose evidence they see (YYYY-MM-DD)." };
        var to = new Option<string?>("--window-to") { Description = "Last day of that window (YYYY-MM-DD)." };
        var db = ServeCommands.Db();
        var cmd = new Command("scope", "Change an auditor's engagement, frameworks and window; open sessions see the new scope at once.") { email, engagement, frameworks, from, to, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var scope = ScopeOf(parse.GetValue(engagement), parse.GetValue(frameworks), parse.GetValue(from), parse.GetValue(to));
            var actor = await ServeCommands.ActorAsync(parse, db, ctx, null, ct).ConfigureAwait(false);
            var changed = CliContext.Require(await OfflineTasks.ChangeAccountAsync(
                parse.GetValue(db), parse.GetValue(email)!, (accounts, id) => accounts.ChangeScopeAsync(id, scope, actor, ct), ct).ConfigureAwait(false));
            ctx.Out.WriteLine($"{changed.Email} now sees {Trellis.Web.Pages.Admin.AccountsModel.ScopeText(changed)}.");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Revoke(CliContext ctx)
    {
        var email = new Argument<string>("email") { Description = "The account's e-mail." };
        var db = ServeCommands.Db();
        var cmd = new Command("revoke", "End every browser session of an account and delete all its API tokens, at once.") { email, db };
        cmd.SetAction(async (parse, ct) =>
        {
            var actor = await ServeCommands.ActorAsync(parse, db, ctx, null, ct).ConfigureAwait(false);
            var changed = CliContext.Require(await OfflineTasks.ChangeAccountAsync(
                parse.GetValue(db), parse.GetValue(email)!, (accounts, id) => accounts.RevokeAccessAsync(id, actor, ct), ct).ConfigureAwait(false));
            ctx.Out.WriteLine($"Ended every session and API token of {changed.Email}.");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Option<string?> BaseUrl() => new("--base-url")
    {
        Description = "The web app's address (e.g. https://trellis.example.com), printed before the link's path.",
    };

    private static async Task WriteInvitationAsync(CliContext ctx, Invitation invitation, string? baseUrl)
    {
        await ctx.Out.WriteLineAsync((baseUrl?.TrimEnd('/') ?? "") + invitation.Link).ConfigureAwait(false);
        var expires = invitation.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        await ctx.Err.WriteLineAsync($"invitation for {invitation.Email}: shown only now; works once, until {expires}").ConfigureAwait(false);
    }

    // The account works through its whole last day (UTC).
    private static DateTimeOffset? EndOf(DateOnly? lastDay) => lastDay is { } d ? new DateTimeOffset(d.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    private static AuditorScope ScopeOf(string? engagement, string? frameworks, string? from, string? to) => new(
        engagement,
        (frameworks ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal),
        ServeCommands.Date(from, "--window-from"),
        ServeCommands.Date(to, "--window-to"));
}
