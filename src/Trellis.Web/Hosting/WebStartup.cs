using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Trellis.Application.Actors;
using Trellis.Application.Compliance;
using Trellis.Data;
using Trellis.Data.AuditTrail;
using Trellis.Web.AuditTrail;
using Trellis.Web.Auth;

namespace Trellis.Web.Hosting;

/// <summary>
/// Runs before the server listens, holding the database's start-up lock so that several instances started together
/// do this one after the other (<see cref="TrellisDatabase.LockStartupAsync"/>): applies the program's and the web
/// state's migrations; with <see cref="TrellisWebOptions.Demo"/>, loads the demo program into an empty database; and,
/// when there is no account at all, creates the first administrator with a one-time random password that is printed
/// once and stored only as a hash. First of all it refuses to start when the key ring would be unprotected in
/// production (<see cref="KeyRing"/>).
/// </summary>
internal sealed class WebStartup(
    IServiceProvider services, WebDatabase database, ProgramImports imports, ServeConsole console, IOptions<TrellisWebOptions> options, KeyRing keyRing, IHostEnvironment environment) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (keyRing.Refusal(options.Value, environment) is { } refusal)
        {
            throw new KeyRingRefusedException(refusal);
        }

        if (keyRing.Warning() is { } warning)
        {
            console.Say(warning);
        }

        await using var startup = await database.Program.LockStartupAsync(cancellationToken);
        await database.MigrateAsync(cancellationToken);
        await Data.Changes.ChangeTriggers.InstallAsync(database.Program, cancellationToken);
        if (options.Value.Demo)
        {
            await LoadDemoAsync(cancellationToken);
        }

        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        if (!await accounts.NoneExistAsync(cancellationToken))
        {
            return;
        }

        var password = AccountService.RandomPassword();
        var email = options.Value.FirstAdminEmail;
        var created = await accounts.CreateAsync(new NewAccount(email, Roles.Admin, "Administrator"), password, "system", cancellationToken);
        if (created.IsSuccess)
        {
            console.Say($"First start: created the administrator {email} with the one-time password {password}");
            console.Say("It is shown only now. Sign in with it, then create your own accounts under Accounts.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task LoadDemoAsync(CancellationToken ct)
    {
        var loaded = await imports.LoadDemoAsync(Account.System, onlyIntoEmpty: true, ct);
        if (!loaded.IsSuccess)
        {
            throw new InvalidOperationException($"the demo program did not load: {loaded.Error}");
        }

        if (loaded.Value is { } demo)
        {
            console.Say($"Loaded the demo program ({demo.Organization}): {demo.Counts.Controls} controls, {demo.Counts.Evidence} evidence items, {demo.Counts.Risks} risks, {demo.Engagements} engagements.");
        }
    }
}
