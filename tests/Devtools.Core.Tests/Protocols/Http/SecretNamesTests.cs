using System.Text;
using Devtools.Core.Protocols.Http;

namespace Devtools.Core.Tests.Protocols.Http;

public class SecretNamesTests
{
    [Theory]
    [InlineData("Authorization", true)]
    [InlineData("AUTHORIZATION", true)]
    [InlineData("proxy-authorization", true)]
    [InlineData("Cookie", true)]
    [InlineData("set-COOKIE", true)]
    [InlineData("Cookie2", false)]
    [InlineData("Cookies", false)]
    [InlineData("Set-Cookie2", false)]
    [InlineData("Authorization-Extra", false)]
    [InlineData("Token", true)]
    [InlineData("Tokes", false)]
    [InlineData("X-Auth-Token", true)]
    [InlineData("X-TOKEN-ID", true)]
    [InlineData("x-client-secret", true)]
    [InlineData("Secre", false)]
    [InlineData("X-Password", true)]
    [InlineData("X-Passwd", false)]
    [InlineData("api_key", true)]
    [InlineData("API-KEY", true)]
    [InlineData("My-ApiKey", true)]
    [InlineData("api-ke", false)]
    [InlineData("api.key", false)]
    [InlineData("Host", false)]
    [InlineData("Accept-Encoding", false)]
    [InlineData("Transfer-Encoding", false)]
    [InlineData("Content-Type", false)]
    [InlineData("\u0014oken", false)]
    [InlineData("t\u00f6ken", false)]
    [InlineData("x-t\u00f6k-token", true)]
    [InlineData("", false)]
    public void TellsSecretHeaderNames(string name, bool secret)
    {
        byte[] bytes = Encoding.Latin1.GetBytes(name);
        Assert.Equal(secret, SecretNames.IsSecretHeader(bytes));
        Assert.Equal(Reference(bytes), SecretNames.IsSecretHeader(bytes));
    }

    [Fact]
    public void AgreesWithTheWordListOnRandomNames()
    {
        var random = new Random(11);
        const string alphabet = "tokenTOKENsecretSECRETpasswordapikeyAPIKEY-_x\u00e9";
        for (int round = 0; round < 20000; round++)
        {
            var name = new char[random.Next(0, 24)];
            for (int i = 0; i < name.Length; i++)
                name[i] = alphabet[random.Next(alphabet.Length)];
            byte[] bytes = Encoding.Latin1.GetBytes(name);
            Assert.True(Reference(bytes) == SecretNames.IsSecretHeader(bytes), new string(name));
            Assert.True(ReferenceWord(bytes) == SecretNames.IsSecretParameter(bytes), new string(name));
        }
    }

    [Theory]
    [InlineData("Authorization", true)]
    [InlineData("PROXY-AUTHORIZATION", true)]
    [InlineData("Cookie", false)]
    [InlineData("Xuthorization", false)]
    public void KeepsTheSchemeOfCredentialsOnly(string name, bool keeps)
    {
        Assert.Equal(keeps, SecretNames.KeepsScheme(Encoding.Latin1.GetBytes(name)));
    }

    private static bool Reference(byte[] name)
    {
        string lower = Lower(name);
        return lower is "authorization" or "proxy-authorization" or "cookie" or "set-cookie" || ReferenceWord(name);
    }

    private static bool ReferenceWord(byte[] name)
    {
        string lower = Lower(name);
        return ((string[])["token", "secret", "password", "api-key", "apikey", "api_key"]).Any(word => lower.Contains(word, StringComparison.Ordinal));
    }

    private static string Lower(byte[] name) => new([.. name.Select(b => (char)(b is >= (byte)'A' and <= (byte)'Z' ? b + 32 : b))]);
}
