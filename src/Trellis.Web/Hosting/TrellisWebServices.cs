using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Trellis.Application.Actors;
using Trellis.Data;
using Trellis.Data.AuditTrail;
using Trellis.Web.AuditTrail;
using Trellis.Web.Auth;
using Trellis.Web.Storage;

namespace Trellis.Web.Hosting;

/// <summary>Registers the web app's services: <c>builder.AddTrellisWeb()</c>.</summary>
public static class TrellisWebServices
{
    /// <summary>Rate-limiter policy of the sign-in form.</summary>
    public const string SignInRateLimit = "sign-in";

    /// <summary>
    /// Adds everything the app needs: options (<c>Trellis</c>, <c>Oidc</c>, <c>AuditTrail</c> sections), the
    /// web state database, Identity with OWASP-strength password hashing, cookie + API token authentication
    /// (and OpenID Connect when configured), the authorization policies, Data Protection keys in the database,
    /// rate-limited sign-in, ProblemDetails, OpenAPI and Razor Pages. Services already registered (a
    /// <see cref="TimeProvider"/>, a <see cref="ServeConsole"/>) are kept.
    /// </summary>
    public static WebApplicationBuilder AddTrellisWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.Configure<TrellisWebOptions>(builder.Configuration.GetSection(TrellisWebOptions.Section));
        services.Configure<AuditTrailOptions>(builder.Configuration.GetSection(AuditTrailOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new ServeConsole(Console.Out));
        services.AddSingleton(sp =>
        {
            var db = WebDatabase.Open(sp.GetRequiredService<IOptions<TrellisWebOptions>>().Value.Database);
            return db.IsSuccess ? db.Value : throw new InvalidOperationException(db.Error!.ToString());
        });
        services.AddSingleton(sp => sp.GetRequiredService<WebDatabase>().Program);
        services.AddSingleton<Auth.AccessCache>();
        services.AddSingleton(sp => new ProgramStore(sp.GetRequiredService<TrellisDatabase>()));
        services.AddScoped(sp => sp.GetRequiredService<WebDatabase>().CreateContext());
        services.AddSingleton<AuditLog>();
        services.AddSingleton<Application.Compliance.ProgramCache>();
        services.AddScoped<Application.Compliance.ProgramService>();
        services.AddSingleton(sp => new EngagementStore(sp.GetRequiredService<TrellisDatabase>()));
        services.AddSingleton(sp => new ImportedFrameworkStore(sp.GetRequiredService<TrellisDatabase>()));
        services.AddSingleton<Application.Compliance.ProgramImports>();
        services.AddSingleton(sp => new ImportedMappingStore(sp.GetRequiredService<TrellisDatabase>()));
        services.AddSingleton<Application.Catalogs.FrameworkLibrary>();
        services.AddSingleton<Application.Catalogs.CatalogImports>();
        var sampling = SamplingOptions(builder.Configuration);
        services.AddSingleton(sampling.IsSuccess ? sampling.Value : throw new InvalidOperationException(sampling.Error!.Message));
        services.AddScoped<Application.Engagements.EngagementService>();
        services.AddScoped<Application.Exports.ExportService>();
        services.AddScoped<Application.Exports.BridgeLetters>();
        services.AddScoped<Application.Search.ProgramSearch>();
        services.AddScoped<Application.Engagements.Agenda>();
        services.AddScoped<Application.Operations.TaskService>();
        services.AddScoped<Application.Operations.DigestService>();
        AddNotifications(services, builder.Configuration);
        services.AddSingleton<Application.Policies.IPolicyAudience>(sp => new Application.Policies.StaffAudience(
            sp.GetRequiredService<ProgramStore>(), new AccountAudience(sp.GetRequiredService<TrellisDatabase>()), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<Application.Policies.PolicyService>();
        services.AddScoped<Application.Operations.IDigestSource, Application.Policies.PolicyDigestSource>();
        services.AddScoped<Application.People.PeopleService>();
        services.AddScoped<Application.Vendors.VendorService>();
        services.AddSingleton<Application.Operations.IDigestSource, Application.Vendors.RegisterDigestSource>();
        // Collectors (issue 19): secrets protected with the app's own key ring (the same one the CLI opens).
        services.AddSingleton<Application.Collectors.ISecretProtector>(sp => new CollectorSecrets(sp.GetRequiredService<IDataProtectionProvider>()));
        services.AddScoped(sp => new Application.Collectors.CollectorService(
            sp.GetRequiredService<ProgramStore>(),
            sp.GetRequiredService<Application.Compliance.ProgramService>(),
            sp.GetRequiredService<Application.Collectors.ISecretProtector>(),
            Application.Collectors.CollectorService.Available(sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<WebStartup>();
        services.AddHostedService<AuditRetention>();
        services.AddHostedService<Scheduler>();

        AddAccounts(services);
        AddAuthentication(builder);
        services.AddAuthorization(Policies.Configure);
        services.AddSingleton(KeyRing.AddDataProtection(services, builder.Configuration));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimit, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }

                var limit = context.RequestServices.GetRequiredService<IOptions<TrellisWebOptions>>().Value.SignInAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });

        services.AddProblemDetails();
        services.AddExceptionHandler<RequestFailures>();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddSingleton<UploadSlots>();
        services.AddSingleton<Api.SerializedResponses>();
        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "trellis.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // One page creates and edits a risk (a control); Razor Pages gives a page one template, so /risks/new
        // and /controls/new are added here.
        services.AddRazorPages(o => o.Conventions.AddPageRoute("/Risks/Edit", "/risks/new").AddPageRoute("/Controls/Edit", "/controls/new"));
        services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer<OpenApiDocumentInfo>();
            o.AddOperationTransformer<OpenApiProblemResponses>();
        });
        Compression.Add(services);
        return builder;
    }

    /// <summary>JSON on the wire: camelCase, enums as kebab-case words (the CLI's spelling).</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        Trellis.Data.AuditTrail.CanonicalJson.ApplyConventions(options);
    }

    /// <summary>
    /// The SMTP and scheduler settings (<c>Trellis:Smtp</c>, <c>Trellis:Scheduler</c>), checked (a bad value is an error
    /// naming the setting); the CLI reads them from environment variables (<c>Trellis__Smtp__Host</c>, …).
    /// </summary>
    public static Core.Common.Result<(Application.Operations.SmtpOptions Smtp, Application.Operations.SchedulerOptions Scheduler)> NotificationOptions(IConfiguration? configuration = null)
    {
        configuration ??= new ConfigurationBuilder().AddEnvironmentVariables().Build();
        Application.Operations.SmtpOptions smtp;
        Application.Operations.SchedulerOptions scheduler;
        try
        {
            smtp = configuration.GetSection(Application.Operations.SmtpOptions.Section).Get<Application.Operations.SmtpOptions>() ?? new();
            scheduler = configuration.GetSection(Application.Operations.SchedulerOptions.Section).Get<Application.Operations.SchedulerOptions>() ?? new();
        }
        catch (InvalidOperationException e)
        {
            // The binder's message names the setting and the value it could not convert.
            return new Core.Common.Error(Core.Common.ErrorCodes.InvalidOption, e.Message, "Trellis:Smtp / Trellis:Scheduler");
        }

        var checkedSchedules = Application.Operations.JobSchedule.All(scheduler, smtp);
        return checkedSchedules.IsSuccess ? (smtp, scheduler) : checkedSchedules.Error!;
    }

    /// <summary>The default sample sizes (<c>Trellis:Sampling:&lt;cadence&gt;</c>); the CLI reads them from environment variables (<c>Trellis__Sampling__monthly</c>, …).</summary>
    public static Core.Common.Result<Application.Engagements.SamplingDefaults> SamplingOptions(IConfiguration? configuration = null)
    {
        configuration ??= new ConfigurationBuilder().AddEnvironmentVariables().Build();
        return Application.Engagements.SamplingDefaults.Parse(configuration.GetSection(Application.Engagements.SamplingDefaults.Section).GetChildren().Select(c => KeyValuePair.Create(c.Key, c.Value)));
    }

    // Notifications (issue 17): the store, the in-app list, SMTP (Trellis:Smtp), the jobs and the scheduler (Trellis:Scheduler).
    private static void AddNotifications(IServiceCollection services, IConfiguration configuration)
    {
        var options = NotificationOptions(configuration);
        var (smtp, scheduler) = options.IsSuccess ? options.Value : throw new InvalidOperationException(options.Error!.ToString());
        services.AddSingleton(smtp);
        services.AddSingleton(scheduler);
        services.AddSingleton(sp => new NotificationStore(sp.GetRequiredService<TrellisDatabase>()));
        services.AddSingleton<Application.Operations.SmtpMailer>();
        services.TryAddSingleton(Application.Operations.JobInstance.Create());
        services.AddScoped<Application.Operations.NotificationService>();
        services.AddScoped<Application.Operations.NotificationJobs>();
        services.AddScoped<Application.Collectors.CollectorJobs>();
    }

    private static void AddAccounts(IServiceCollection services)
    {
        services.Configure<PasswordHasherOptions>(o =>
        {
            // OWASP Password Storage Cheat Sheet: PBKDF2-HMAC-SHA256 needs at least 600,000 iterations
            // (Identity's V3 format uses HMAC-SHA512, for which 600,000 is well above the 210,000 asked).
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            o.IterationCount = AccountService.PasswordIterations;
        });
        services.AddIdentityCore<TrellisUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                // Failed sign-ins never lock an account (anyone could lock out admin@localhost): SignInThrottle slows
                // password guessing instead, and LockoutEnd marks only an account an admin disabled (AccountGate).
                o.Lockout.AllowedForNewUsers = false;

                // Invitation links are Identity's password-reset tokens, made by a provider on the injected clock.
                o.Tokens.PasswordResetTokenProvider = InvitationTokens.ProviderName;
            })
            .AddEntityFrameworkStores<WebDbContext>()
            .AddTokenProvider<InvitationTokens>(InvitationTokens.ProviderName);
        services.AddScoped<AccountService>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<DecoyPassword>();
        services.AddScoped<TokenService>();
    }

    private static void AddAuthentication(WebApplicationBuilder builder)
    {
        const string Selector = "Trellis";
        var auth = builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = Selector;
                o.DefaultChallengeScheme = Selector;
            })
            .AddPolicyScheme(Selector, "Browser session or API token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.Cookie.Name = "trellis.session";
                o.Cookie.HttpOnly = true;

                // Strict, unless single sign-on is on: the session cookie is set while returning from the identity
                // provider (a cross-site navigation), and a Strict cookie would not be sent on the redirect that
                // follows, so the person would land on the sign-in page once. Lax still keeps it off cross-site
                // POSTs; every form also carries an antiforgery token and API writes need a personal token.
                o.Cookie.SameSite = OidcSignIn.IsConfigured(builder.Configuration) ? SameSiteMode.Lax : SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = context => Responses.IsApi(context.Request)
                    ? Responses.Unauthorized(context.HttpContext, "sign in, or send a personal API token as 'Authorization: Bearer <token>'")
                    : Redirect(context);
                o.Events.OnRedirectToAccessDenied = context => Responses.Forbidden(context.HttpContext, "your role does not allow this");
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);
        builder.Services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<TrellisWebOptions>>((o, web) => o.ExpireTimeSpan = web.Value.SessionIdleTimeout);
        OidcSignIn.AddIfConfigured(auth, builder.Configuration);
    }

    // The handler builds an absolute URI from the request's Host header; a relative one (path and ReturnUrl, which is
    // the local path asked for) cannot send the browser to a host an attacker wrote into that header.
    private static Task Redirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(LocalRedirect(context.RedirectUri));
        return Task.CompletedTask;
    }

    /// <summary>The path and query of <paramref name="uri"/>, without scheme and host.</summary>
    internal static string LocalRedirect(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute.PathAndQuery : uri;
}
