using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Trellis.Web.Tests.Auth;

/// <summary>
/// An OpenID Connect provider at the network edge: the app's back channel (discovery, JWKS, token endpoint) is
/// this handler, and the test plays the browser's part at the authorize endpoint through <see cref="Authorize"/>.
/// The token endpoint enforces what a real provider does for the authorization-code flow with PKCE (RFC 7636
/// 4.6: BASE64URL(SHA256(code_verifier)) must equal the S256 code_challenge), so an app that skips PKCE, sends the
/// wrong client or replays a code gets <c>invalid_grant</c>, not an id_token.
/// </summary>
internal sealed class FakeIdentityProvider : HttpMessageHandler
{
    public const string Authority = "https://idp.example.test";
    public const string ClientId = "trellis-web";
    public const string ClientSecret = "idp-secret-for-tests";
    private const string KeyId = "test-key-1";

    private readonly RSA _key = RSA.Create(2048);
    private readonly Dictionary<string, Grant> _codes = new(StringComparer.Ordinal);

    /// <summary>The settings that turn on OpenID Connect against this provider.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Oidc:Authority"] = Authority,
        ["Oidc:ClientId"] = ClientId,
        ["Oidc:ClientSecret"] = ClientSecret,
    };

    /// <summary>Flip a byte of the id_token's signature before handing it out.</summary>
    public bool TamperSignature { get; set; }

    /// <summary>Id_tokens handed out by the token endpoint.</summary>
    public int TokensIssued { get; private set; }

    /// <summary>Token requests refused, with the OAuth error and why.</summary>
    public List<string> Refusals { get; } = [];

    /// <summary>
    /// The person signs in at the provider as <paramref name="email"/>: checks the authorize request the app
    /// redirected to, issues a code bound to its PKCE challenge and nonce, and returns where the browser goes next.
    /// </summary>
    public Callback Authorize(Uri authorizeRequest, string email, IReadOnlyDictionary<string, object>? extraClaims = null)
    {
        Assert.Equal(Authority + "/authorize", authorizeRequest.GetLeftPart(UriPartial.Path));
        var parsed = QueryHelpers.ParseQuery(authorizeRequest.Query);
        string Param(string name) => parsed.TryGetValue(name, out var value) ? value.ToString() : "";
        Assert.Equal(ClientId, Param("client_id"));
        Assert.Equal("code", Param("response_type"));
        Assert.Equal("S256", Param("code_challenge_method"));
        Assert.Contains("openid", Param("scope").Split(' '));
        var challenge = Param("code_challenge");
        var state = Param("state");
        var nonce = Param("nonce");
        Assert.False(string.IsNullOrEmpty(challenge), "no code_challenge");
        Assert.False(string.IsNullOrEmpty(state), "no state");
        Assert.False(string.IsNullOrEmpty(nonce), "no nonce");

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var redirect = new Uri(Param("redirect_uri"));
        _codes[code] = new Grant(challenge, nonce, redirect.ToString(), email, extraClaims ?? new Dictionary<string, object>());
        var fields = new Dictionary<string, string> { ["code"] = code, ["state"] = state };

        // response_mode=form_post (OpenID Connect Form Post Response Mode 1.0): the provider's page posts the
        // fields to the redirect URI; otherwise they travel in its query string.
        return Param("response_mode") == "form_post"
            ? new Callback(HttpMethod.Post, redirect.PathAndQuery, fields)
            : new Callback(HttpMethod.Get, QueryHelpers.AddQueryString(redirect.PathAndQuery, fields!), null);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.GetLeftPart(UriPartial.Path);
        if (path == Authority + "/.well-known/openid-configuration")
        {
            return Json(new Dictionary<string, object>
            {
                ["issuer"] = Authority,
                ["authorization_endpoint"] = Authority + "/authorize",
                ["token_endpoint"] = Authority + "/token",
                ["jwks_uri"] = Authority + "/jwks",
                ["response_types_supported"] = new[] { "code" },
                ["subject_types_supported"] = new[] { "public" },
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                ["code_challenge_methods_supported"] = new[] { "S256" },
            });
        }

        if (path == Authority + "/jwks")
        {
            var p = _key.ExportParameters(includePrivateParameters: false);
            return Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
        }

        if (path == Authority + "/token" && request.Method == HttpMethod.Post)
        {
            var form = QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync(cancellationToken));
            return Token(form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal));
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _key.Dispose();
        }

        base.Dispose(disposing);
    }

    private HttpResponseMessage Token(Dictionary<string, string> form)
    {
        string Field(string name) => form.TryGetValue(name, out var value) ? value : "";
        if (Field("grant_type") != "authorization_code")
        {
            return Refuse("unsupported_grant_type", "grant_type " + Field("grant_type"));
        }

        if (Field("client_id") != ClientId || Field("client_secret") != ClientSecret)
        {
            return Refuse("invalid_client", "client credentials");
        }

        // A code is single-use (RFC 6749 4.1.2).
        if (!_codes.Remove(Field("code"), out var grant))
        {
            return Refuse("invalid_grant", "unknown or used code");
        }

        if (Field("redirect_uri") != grant.RedirectUri)
        {
            return Refuse("invalid_grant", "redirect_uri differs from the authorize request");
        }

        var verifier = Field("code_verifier");
        if (verifier.Length == 0 || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.Challenge)
        {
            return Refuse("invalid_grant", "code_verifier does not match the S256 code_challenge");
        }

        TokensIssued++;
        return Json(new { access_token = "at-" + Guid.NewGuid().ToString("N"), token_type = "Bearer", expires_in = 300, id_token = IdToken(grant) });
    }

    private string IdToken(Grant grant)
    {
        // The handler checks an id_token's lifetime with Microsoft.IdentityModel's own clock (the system clock),
        // not the app's TimeProvider, so the token is issued relative to the real now.
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>(grant.ExtraClaims)
        {
            ["sub"] = "idp-user-" + grant.Email,
            ["email"] = grant.Email,
            ["nonce"] = grant.Nonce,
        };
        var jwt = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
        if (!TamperSignature)
        {
            return jwt;
        }

        var parts = jwt.Split('.');
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        signature[0] ^= 0x01;
        return $"{parts[0]}.{parts[1]}.{Base64UrlEncoder.Encode(signature)}";
    }

    private HttpResponseMessage Refuse(string error, string why)
    {
        Refusals.Add($"{error}: {why}");
        return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = JsonContent.Create(new { error, error_description = why }) };
    }

    private static HttpResponseMessage Json<T>(T body) => new(HttpStatusCode.OK) { Content = JsonContent.Create(body) };

    /// <summary>Where the provider sends the browser back: a form post (fields) or a GET (fields in the path).</summary>
    public sealed record Callback(HttpMethod Method, string Path, Dictionary<string, string>? Fields);

    private sealed record Grant(string Challenge, string Nonce, string RedirectUri, string Email, IReadOnlyDictionary<string, object> ExtraClaims);
}
