using System.Text;

namespace Devtools.Core.Protocols.Http;

/// <summary>
/// Which header and query-parameter names carry secrets, for redaction
/// (ProtocolOptions.RedactSecrets). Matching is ASCII case-insensitive.
/// </summary>
public static class SecretNames
{
    /// <summary>The value after the marker that replaces a secret.</summary>
    public static ReadOnlySpan<byte> Redacted => "<redacted>"u8;

    /// <summary>
    /// A header whose value is a secret: credentials and session headers by name, and
    /// any name that says token, secret, password or api key.
    /// </summary>
    public static bool IsSecretHeader(ReadOnlySpan<byte> name) =>
        KeepsScheme(name)
        || Ascii.EqualsIgnoreCase(name, "cookie"u8)
        || Ascii.EqualsIgnoreCase(name, "set-cookie"u8)
        || HasSecretWord(name);

    /// <summary>
    /// A query parameter whose value is a secret: its name says token, secret, password
    /// or api key (api_key too, the spelling query strings favour).
    /// </summary>
    public static bool IsSecretParameter(ReadOnlySpan<byte> name) => HasSecretWord(name);

    /// <summary>
    /// Credentials headers whose first word is the scheme ("Bearer", "Basic"): that word
    /// tells what kind of credential was sent without giving it away, so it stays.
    /// </summary>
    public static bool KeepsScheme(ReadOnlySpan<byte> name) =>
        Ascii.EqualsIgnoreCase(name, "authorization"u8) || Ascii.EqualsIgnoreCase(name, "proxy-authorization"u8);

    // X-Api-Key, X-Auth-Token, X-Amz-Security-Token and X-CSRF-Token all fall under these.
    private static bool HasSecretWord(ReadOnlySpan<byte> name) =>
        HttpSyntax.ContainsIgnoreCase(name, "token"u8)
        || HttpSyntax.ContainsIgnoreCase(name, "secret"u8)
        || HttpSyntax.ContainsIgnoreCase(name, "password"u8)
        || HttpSyntax.ContainsIgnoreCase(name, "api-key"u8)
        || HttpSyntax.ContainsIgnoreCase(name, "apikey"u8)
        || HttpSyntax.ContainsIgnoreCase(name, "api_key"u8);
}
