using System.Text;

namespace Devtools.Core.Protocols.Http;

/// <summary>
/// Which header and query-parameter names carry secrets, for redaction
/// (ProtocolOptions.RedactSecrets). Matching is ASCII case-insensitive.
/// </summary>
/// <remarks>
/// Every header name of every message goes through <see cref="IsSecretHeader"/>, and nearly
/// all are not secret, so the checks are ordered to reject cheaply: exact names by length
/// first, then the secret words only if the name holds every letter one of them needs.
/// </remarks>
public static class SecretNames
{
    /// <summary>The value after the marker that replaces a secret.</summary>
    public static ReadOnlySpan<byte> Redacted => "<redacted>"u8;

    /// <summary>
    /// A header whose value is a secret: credentials and session headers by name, and
    /// any name that says token, secret, password or api key.
    /// </summary>
    public static bool IsSecretHeader(ReadOnlySpan<byte> name) => Classify(name) != SecretHeader.None;

    /// <summary>
    /// <see cref="IsSecretHeader"/> and <see cref="KeepsScheme"/> in one look, for the writer
    /// that asks both of every name.
    /// </summary>
    internal static SecretHeader Classify(ReadOnlySpan<byte> name) => Classify(name, FoldedName.Of(name));

    /// <summary><see cref="Classify(ReadOnlySpan{byte})"/> for a name whose words the caller has read already.</summary>
    internal static SecretHeader Classify(ReadOnlySpan<byte> name, in FoldedName folded)
    {
        // "token" (the shortest secret word) and "cookie" (the shortest secret name) need five bytes.
        if (name.Length < 5)
            return SecretHeader.None;
        // Length and first letter turn away nearly every other name before a comparison.
        byte first = (byte)(name[0] | 0x20);
        bool named = name.Length switch
        {
            6 => first == (byte)'c' && Ascii.EqualsIgnoreCase(name, "cookie"u8),
            10 => first == (byte)'s' && Ascii.EqualsIgnoreCase(name, "set-cookie"u8),
            13 or 19 when KeepsScheme(name) => true,
            _ => false,
        };
        if (named)
            return name.Length is 13 or 19 ? SecretHeader.Credentials : SecretHeader.Secret;
        // Common names are settled by their words; the rest are searched for a secret word.
        return !KnownHeaderNames.Contains(name, folded) && HasSecretWord(name) ? SecretHeader.Secret : SecretHeader.None;
    }

    /// <summary>
    /// A query parameter whose value is a secret: its name says token, secret, password
    /// or api key (api_key too, the spelling query strings favour).
    /// </summary>
    public static bool IsSecretParameter(ReadOnlySpan<byte> name) => HasSecretWord(name);

    /// <summary>
    /// Credentials headers whose first word is the scheme ("Bearer", "Basic"): that word
    /// tells what kind of credential was sent without giving it away, so it stays.
    /// </summary>
    public static bool KeepsScheme(ReadOnlySpan<byte> name) => name.Length switch
    {
        13 => (name[0] | 0x20) == 'a' && Ascii.EqualsIgnoreCase(name, "authorization"u8),
        19 => (name[0] | 0x20) == 'p' && Ascii.EqualsIgnoreCase(name, "proxy-authorization"u8),
        _ => false,
    };

    // X-Api-Key, X-Auth-Token, X-Amz-Security-Token and X-CSRF-Token all fall under these.
    private static bool HasSecretWord(ReadOnlySpan<byte> name) =>
        SecretWordLetters.MayContainOne(name)
        && (HttpSyntax.ContainsIgnoreCase(name, "token"u8)
            || HttpSyntax.ContainsIgnoreCase(name, "secret"u8)
            || HttpSyntax.ContainsIgnoreCase(name, "password"u8)
            || HttpSyntax.ContainsIgnoreCase(name, "api-key"u8)
            || HttpSyntax.ContainsIgnoreCase(name, "apikey"u8)
            || HttpSyntax.ContainsIgnoreCase(name, "api_key"u8));
}

/// <summary>What redaction does with a header's value.</summary>
internal enum SecretHeader : byte
{
    None,

    /// <summary>The whole value is replaced.</summary>
    Secret,

    /// <summary>The scheme word stays, the rest is replaced (<see cref="SecretNames.KeepsScheme"/>).</summary>
    Credentials,
}
