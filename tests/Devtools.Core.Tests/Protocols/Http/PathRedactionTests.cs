using System.Buffers;
using System.Text;
using Devtools.Core.Protocols.Http;

namespace Devtools.Core.Tests.Protocols.Http;

public class PathRedactionTests
{
    [Theory]
    [InlineData("/login?user=a&password=hunter2", "/login?user=a&password=<redacted>")]
    [InlineData("/cb?access_token=abc&state=1", "/cb?access_token=<redacted>&state=1")]
    [InlineData("/x?API_KEY=1&apikey=2&api-key=3&client_secret=4", "/x?API_KEY=<redacted>&apikey=<redacted>&api-key=<redacted>&client_secret=<redacted>")]
    [InlineData("/x?password=", "/x?password=<redacted>")]
    [InlineData("/x?password", "/x?password")]
    [InlineData("/x?a=1&&token=2&", "/x?a=1&&token=<redacted>&")]
    [InlineData("/x?token=1#frag", "/x?token=<redacted>#frag")]
    [InlineData("/plain/path", "/plain/path")]
    [InlineData("/x?", "/x?")]
    [InlineData("/x?=token", "/x?=token")]
    [InlineData("", "")]
    public void RedactsSecretParameterValues(string target, string expected)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(target);
        var output = new ArrayBufferWriter<byte>();
        int written = PathRedaction.Write(bytes, output);
        Assert.Equal(expected, Encoding.ASCII.GetString(output.WrittenSpan));
        Assert.Equal(output.WrittenCount, written);
        Assert.Equal(expected != target || target.Contains("password=", StringComparison.Ordinal), PathRedaction.NeedsRedaction(bytes));
    }
}
