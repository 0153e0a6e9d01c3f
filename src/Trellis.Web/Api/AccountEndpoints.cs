using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Trellis.Application.Actors;
using Trellis.Core.Common;
using Trellis.Data.AuditTrail;
using Trellis.Web.AuditTrail;
using Trellis.Web.Auth;
using Trellis.Web.Storage;

namespace Trellis.Web.Api;

/// <summary>
/// <c>/api/v1/me</c>, <c>/api/v1/tokens</c> (one's own API tokens), <c>/api/v1/accounts</c> (admin: list, create,
/// invite, change role, scope and expiry, disable, enable, revoke sessions and tokens) and
/// <c>/api/v1/audit-log</c> (admin, compliance manager).
/// </summary>
public static class AccountEndpoints
{
    /// <summary>Maps the area.</summary>
    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/me", Me).WithTags("Accounts").RequireAuthorization(Policies.TokensOwn).WithName("GetMe").WithSummary("The signed-in account, its role and scope.");
        var tokens = api.MapGroup("/tokens").WithTags("Accounts").RequireAuthorization(Policies.TokensOwn);
        tokens.MapGet("/", ListTokens).WithName("ListTokens").WithSummary("Your API tokens (never their secrets).");
        tokens.MapPost("/", CreateToken).WithName("CreateToken").WithSummary("Creates an API token; its secret is in this response only.");
        tokens.MapDelete("/{id:long}", RevokeToken).WithName("RevokeToken").WithSummary("Revokes one of your API tokens.");
        var accounts = api.MapGroup("/accounts").WithTags("Accounts").RequireAuthorization(Policies.UsersManage);
        accounts.MapGet("/", ListAccounts).WithName("ListAccounts").WithSummary("Every account.");
        accounts.MapPost("/", CreateAccount).WithName("CreateAccount").WithSummary("Creates an account (auditors need an expiry and the engagement's frameworks).");
        accounts.MapPut("/{id}/role", ChangeRole).WithName("ChangeAccountRole").WithSummary("Gives an account another role; its browser sessions end at once.");
        accounts.MapPost("/{id}/disable", DisableAccount).WithName("DisableAccount").WithSummary("Disables an account: its sessions and API tokens answer 401 from now on.");
        accounts.MapPost("/{id}/enable", EnableAccount).WithName("EnableAccount").WithSummary("Enables a disabled account again.");
        accounts.MapPost("/invitations", Invite).WithName("InviteAccount")
            .WithSummary("Creates an account without a password and returns a one-time link (shown only here) with which the person chooses it.");
        accounts.MapPost("/{id}/invitation", Reinvite).WithName("RenewInvitation")
            .WithSummary("A new invitation link for an account that has no password yet; earlier links stop working.");
        accounts.MapPut("/{id}/expiry", ChangeExpiry).WithName("ChangeAccountExpiry").WithSummary("Extends or shortens when an account stops working (null: never; auditors need one).");
        accounts.MapPut("/{id}/scope", ChangeScope).WithName("ChangeAuditorScope").WithSummary("Changes an auditor's engagement, frameworks and window; open sessions see the new scope at once.");
        accounts.MapPost("/{id}/revoke", RevokeAccess).WithName("RevokeAccountAccess")
            .WithSummary("Ends every browser session of the account and deletes all its API tokens, at once.");
        var log = api.MapGroup("/audit-log").WithTags("Audit trail").RequireAuthorization(Policies.AuditTrailRead);
        log.MapGet("/", ListAudit).WithName("ListAuditLog").WithSummary("Audit trail entries, newest first.");
        log.MapGet("/verify", VerifyAudit).WithName("VerifyAuditLog").WithSummary("Recomputes the hash chain; names the first entry altered or removed.");
        return api;
    }

    private static Ok<MeView> Me(HttpContext context)
    {
        var a = context.Account();
        return TypedResults.Ok(new MeView(a.Email, a.Role, a.Scope?.EngagementId, a.Scope?.Frameworks.Order(StringComparer.Ordinal).ToList(), a.Scope?.From, a.Scope?.To));
    }

    private static async Task<Ok<IReadOnlyList<TokenView>>> ListTokens(HttpContext context, WebDbContext db, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<TokenView>>([.. (await ApiTokens.ListAsync(db, context.Account().UserId, ct)).Select(TokenView.From)]);

    private static async Task<Results<Created<NewTokenView>, ProblemHttpResult>> CreateToken(HttpContext context, NewTokenRequest request, TokenService tokens, CancellationToken ct)
    {
        var account = context.Account();
        var issued = await tokens.IssueAsync(account.Email, account.UserId, account.Email, request.Name, request.ExpiresAt, ct);
        return issued.IsSuccess
            ? TypedResults.Created($"/api/v1/tokens/{issued.Value.Row.Id}", new NewTokenView(TokenView.From(issued.Value.Row), issued.Value.Secret))
            : ApiErrors.Problem(issued.Error!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeToken(HttpContext context, long id, TokenService tokens, CancellationToken ct)
    {
        var account = context.Account();
        var revoked = await tokens.RevokeAsync(account.Email, account.UserId, account.Email, id, ct);
        return revoked.IsSuccess ? TypedResults.NoContent() : ApiErrors.Problem(revoked.Error!);
    }

    private static async Task<Results<Ok<Paged<AccountView>>, ProblemHttpResult>> ListAccounts(WebDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var all = (await db.Users.AsNoTracking().ToListAsync(ct)).OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase).Select(AccountView.From).ToList();
        var result = Paging.Of(all, page, pageSize);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : ApiErrors.Problem(result.Error!);
    }

    private static async Task<Results<Created<AccountView>, ProblemHttpResult>> CreateAccount(HttpContext context, NewAccountRequest request, AccountService accounts, CancellationToken ct)
    {
        var scope = request.Frameworks is null ? null
            : new AuditorScope(request.Engagement, request.Frameworks.ToHashSet(StringComparer.Ordinal), request.WindowFrom, request.WindowTo);
        var created = await accounts.CreateAsync(new NewAccount(request.Email, request.Role, request.DisplayName, request.ExpiresAt, scope), request.Password, context.Account().Email, ct);
        return created.IsSuccess
            ? TypedResults.Created($"/api/v1/accounts/{created.Value.Id}", AccountView.From(created.Value))
            : ApiErrors.Problem(created.Error!);
    }

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> ChangeRole(HttpContext context, string id, RoleChangeRequest request, AccountService accounts, CancellationToken ct) =>
        Answer(await accounts.ChangeRoleAsync(id, request.Role, context.Account().Email, ct));

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> DisableAccount(HttpContext context, string id, AccountService accounts, CancellationToken ct) =>
        Answer(await accounts.DisableAsync(id, context.Account().Email, ct));

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> EnableAccount(HttpContext context, string id, AccountService accounts, CancellationToken ct) =>
        Answer(await accounts.EnableAsync(id, context.Account().Email, ct));

    private static async Task<Results<Created<InvitationView>, ProblemHttpResult>> Invite(HttpContext context, NewInvitationRequest request, AccountService accounts, CancellationToken ct)
    {
        var scope = request.Frameworks is null && request.Engagement is null ? null
            : new AuditorScope(request.Engagement, (request.Frameworks ?? []).ToHashSet(StringComparer.Ordinal), request.WindowFrom, request.WindowTo);
        var invited = await accounts.InviteAsync(new NewAccount(request.Email, request.Role, request.DisplayName, request.ExpiresAt, scope), context.Account().Email, ct);
        return invited.IsSuccess
            ? TypedResults.Created("/api/v1/accounts/", new InvitationView(invited.Value.Email, invited.Value.Link, invited.Value.ExpiresAt))
            : ApiErrors.Problem(invited.Error!);
    }

    private static async Task<Results<Ok<InvitationView>, ProblemHttpResult>> Reinvite(HttpContext context, string id, AccountService accounts, CancellationToken ct)
    {
        var invited = await accounts.ReinviteAsync(id, context.Account().Email, ct);
        return invited.IsSuccess
            ? TypedResults.Ok(new InvitationView(invited.Value.Email, invited.Value.Link, invited.Value.ExpiresAt))
            : ApiErrors.Problem(invited.Error!);
    }

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> ChangeExpiry(HttpContext context, string id, ExpiryChangeRequest request, AccountService accounts, CancellationToken ct) =>
        Answer(await accounts.ChangeExpiryAsync(id, request.ExpiresAt, context.Account().Email, ct));

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> ChangeScope(HttpContext context, string id, ScopeChangeRequest request, AccountService accounts, CancellationToken ct) =>
        Answer(await accounts.ChangeScopeAsync(
            id,
            new AuditorScope(request.Engagement, (request.Frameworks ?? []).ToHashSet(StringComparer.Ordinal), request.WindowFrom, request.WindowTo),
            context.Account().Email,
            ct));

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> RevokeAccess(HttpContext context, string id, AccountService accounts, CancellationToken ct) =>
        Answer(await accounts.RevokeAccessAsync(id, context.Account().Email, ct));

    private static Results<Ok<AccountView>, ProblemHttpResult> Answer(Result<TrellisUser> changed) =>
        changed.IsSuccess ? TypedResults.Ok(AccountView.From(changed.Value)) : ApiErrors.Problem(changed.Error!);

    private static async Task<Results<Ok<Paged<AuditEntryView>>, ProblemHttpResult>> ListAudit(WebDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.Of<AuditEntryView>([], page, pageSize);
        if (!paging.IsSuccess)
        {
            return ApiErrors.Problem(paging.Error!);
        }

        var p = paging.Value;
        var total = await db.AuditEntries.CountAsync(ct);
        // In 64 bits: (page - 1) * pageSize overflows an int for a large page; past the end the page is empty.
        var skip = (long)(p.Page - 1) * p.PageSize;
        var rows = skip >= total ? []
            : await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Skip((int)skip).Take(p.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new Paged<AuditEntryView>([.. rows.Select(AuditEntryView.From)], p.Page, p.PageSize, total));
    }

    private static async Task<Ok<AuditVerification>> VerifyAudit(WebDbContext db, CancellationToken ct) => TypedResults.Ok(await AuditVerifier.VerifyAsync(db, ct));
}

/// <summary>The signed-in account.</summary>
public sealed record MeView(string Email, string Role, string? Engagement, IReadOnlyList<string>? Frameworks, DateOnly? WindowFrom, DateOnly? WindowTo);

/// <summary>An API token without its secret.</summary>
public sealed record TokenView(long Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt)
{
    internal static TokenView From(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt);
}

/// <summary>A new API token: its secret is shown only in this response.</summary>
public sealed record NewTokenView(TokenView Token, string Secret);

/// <summary>Request to create an API token.</summary>
public sealed record NewTokenRequest(string Name, DateTimeOffset? ExpiresAt);

/// <summary>
/// An account; <c>disabled</c> when an admin disabled it (every request it makes answers 401); <c>hasPassword</c> false
/// while an invited person has not chosen one (or for an account that signs in only by token or single sign-on).
/// </summary>
public sealed record AccountView(string Id, string Email, string DisplayName, string Role, bool Disabled, bool HasPassword, DateTimeOffset? ExpiresAt, string? Engagement, IReadOnlyList<string> Frameworks, DateOnly? WindowFrom, DateOnly? WindowTo)
{
    internal static AccountView From(TrellisUser u) => new(
        u.Id, u.Email ?? "", u.DisplayName, u.Role, AccountGate.IsDisabled(u), u.PasswordHash is not null, u.ExpiresAt, u.EngagementId, u.ScopeFrameworks.Split(' ', StringSplitOptions.RemoveEmptyEntries), u.ScopeFrom, u.ScopeTo);
}

/// <summary>
/// An invitation: the link (a local path; prefix the app's address) is shown only in this answer and works once,
/// until <c>expiresAt</c>, while the account is enabled and no newer invitation replaced it.
/// </summary>
public sealed record InvitationView(string Email, string Link, DateTimeOffset ExpiresAt);

/// <summary>Request to invite a person: as <see cref="NewAccountRequest"/> without a password.</summary>
public sealed record NewInvitationRequest(
    string Email, string Role, string? DisplayName, DateTimeOffset? ExpiresAt, string? Engagement,
    IReadOnlyList<string>? Frameworks, DateOnly? WindowFrom, DateOnly? WindowTo);

/// <summary>Request to change when an account stops working; null for never (not for an auditor).</summary>
public sealed record ExpiryChangeRequest(DateTimeOffset? ExpiresAt);

/// <summary>Request to change an auditor's scope: the engagement, and the frameworks and window (default: the engagement's).</summary>
public sealed record ScopeChangeRequest(string? Engagement, IReadOnlyList<string>? Frameworks, DateOnly? WindowFrom, DateOnly? WindowTo);

/// <summary>Request to change an account's role (not to or from auditor).</summary>
public sealed record RoleChangeRequest(string Role);

/// <summary>Request to create an account; an auditor needs <c>expiresAt</c> and <c>frameworks</c> (and usually a window).</summary>
public sealed record NewAccountRequest(
    string Email, string Role, string? DisplayName, string? Password, DateTimeOffset? ExpiresAt, string? Engagement,
    IReadOnlyList<string>? Frameworks, DateOnly? WindowFrom, DateOnly? WindowTo);

/// <summary>An audit trail entry.</summary>
public sealed record AuditEntryView(long Sequence, DateTimeOffset At, string Actor, string Action, string Resource, string Change, string Hash)
{
    internal static AuditEntryView From(AuditEntry e) => new(e.Sequence, e.At, e.Actor, e.Action, e.Resource, e.Change, e.Hash);
}
