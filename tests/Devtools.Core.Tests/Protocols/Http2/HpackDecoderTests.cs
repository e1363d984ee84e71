using System.Buffers;
using System.Text;
using Devtools.Core.Protocols.Http;
using Devtools.Core.Protocols.Http2.Hpack;

namespace Devtools.Core.Tests.Protocols.Http2;

/// <summary>HPACK against RFC 7541 Appendix C, and what an observer must survive.</summary>
public class HpackDecoderTests
{
    [Fact]
    public void RequestsWithoutHuffmanC3()
    {
        var decoder = Fresh();
        Assert.Equal(":method: GET|:scheme: http|:path: /|:authority: www.example.com", Decode(decoder, "828684410f7777772e6578616d706c652e636f6d"));
        Assert.Equal(":method: GET|:scheme: http|:path: /|:authority: www.example.com|cache-control: no-cache", Decode(decoder, "828684be58086e6f2d6361636865"));
        Assert.Equal(":method: GET|:scheme: https|:path: /index.html|:authority: www.example.com|custom-key: custom-value", Decode(decoder, "828785bf400a637573746f6d2d6b65790c637573746f6d2d76616c7565"));
        Assert.Equal(3, decoder.Table.Count);
    }

    [Fact]
    public void RequestsWithHuffmanC4()
    {
        var decoder = Fresh();
        Assert.Equal(":method: GET|:scheme: http|:path: /|:authority: www.example.com", Decode(decoder, "828684418cf1e3c2e5f23a6ba0ab90f4ff"));
        Assert.Equal(":method: GET|:scheme: http|:path: /|:authority: www.example.com|cache-control: no-cache", Decode(decoder, "828684be5886a8eb10649cbf"));
        Assert.Equal(":method: GET|:scheme: https|:path: /index.html|:authority: www.example.com|custom-key: custom-value", Decode(decoder, "828785bf408825a849e95ba97d7f8925a849e95bb8e8b4bf"));
    }

    [Fact]
    public void ResponsesWithHuffmanAndEvictionC6()
    {
        var decoder = Fresh();
        decoder.AllowMaxSize(256);
        decoder.Table.SetMaxSize(256);
        Assert.Equal(
            ":status: 302|cache-control: private|date: Mon, 21 Oct 2013 20:13:21 GMT|location: https://www.example.com",
            Decode(decoder, "488264025885aec3771a4b6196d07abe941054d444a8200595040b8166e082a62d1bff6e919d29ad171863c78f0b97c8e9ae82ae43d3"));
        Assert.Equal(
            ":status: 307|cache-control: private|date: Mon, 21 Oct 2013 20:13:21 GMT|location: https://www.example.com",
            Decode(decoder, "4883640effc1c0bf"));
        Assert.Equal(
            ":status: 200|cache-control: private|date: Mon, 21 Oct 2013 20:13:22 GMT|location: https://www.example.com|content-encoding: gzip|set-cookie: foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1",
            Decode(decoder, "88c16196d07abe941054d444a8200595040b8166e084a62d1bffc05a839bd9ab77ad94e7821dd7f2e6c7b335dfdfcd5b3960d5af27087f3672c1ab270fb5291f9587316065c003ed4ee5b1063d5007"));
        Assert.Equal(3, decoder.Table.Count);
    }

    [Fact]
    public void HuffmanRoundTripsEveryByte()
    {
        byte[] all = [.. Enumerable.Range(0, 256).Select(i => (byte)i)];
        string text = Encoding.Latin1.GetString(all);
        byte[] encoded = HpackTestEncoder.HuffmanEncode(text);
        byte[] decoded = new byte[HpackHuffman.MaxDecodedLength(encoded.Length)];
        int n = HpackHuffman.Decode(encoded, decoded);
        Assert.Equal(all, decoded.AsSpan(0, n).ToArray());
    }

    [Fact]
    public void HuffmanRoundTripsRandomStrings()
    {
        var random = new Random(9);
        for (int i = 0; i < 5000; i++)
        {
            byte[] text = new byte[random.Next(0, 80)];
            for (int j = 0; j < text.Length; j++)
                text[j] = random.Next(4) == 0 ? (byte)random.Next(256) : (byte)random.Next(32, 127);
            byte[] encoded = HpackTestEncoder.HuffmanEncode(Encoding.Latin1.GetString(text));
            byte[] decoded = new byte[HpackHuffman.MaxDecodedLength(encoded.Length)];
            int n = HpackHuffman.Decode(encoded, decoded);
            Assert.Equal(text, decoded.AsSpan(0, n).ToArray());
            // Exactly the room needed is enough.
            Assert.Equal(text.Length, HpackHuffman.Decode(encoded, new byte[text.Length]));
        }
    }

    [Fact]
    public void HuffmanDecodesDamagedInputOnlyToWhatEncodesBackToIt()
    {
        // The encoding of a string is unique (padding is fixed), so any input the decoder
        // accepts must be exactly the encoding of what it decoded: damaged, cut or random
        // input is either rejected or decoded to the string it truly encodes.
        var random = new Random(17);
        int accepted = 0;
        for (int i = 0; i < 20000; i++)
        {
            byte[] input;
            if (i % 4 == 0)
            {
                input = new byte[random.Next(0, 24)];
                random.NextBytes(input);
            }
            else
            {
                byte[] text = new byte[random.Next(1, 60)];
                for (int j = 0; j < text.Length; j++)
                    text[j] = random.Next(8) == 0 ? (byte)random.Next(256) : (byte)random.Next(32, 127);
                input = HpackTestEncoder.HuffmanEncode(Encoding.Latin1.GetString(text));
                int damage = random.Next(3);
                if (damage == 1)
                    input[random.Next(input.Length)] ^= (byte)(1 << random.Next(8));
                else if (damage == 2)
                    input = input[..random.Next(input.Length)];
            }
            byte[] decoded = new byte[HpackHuffman.MaxDecodedLength(input.Length)];
            int n = HpackHuffman.Decode(input, decoded);
            if (n < 0)
                continue;
            accepted++;
            Assert.Equal(input, HpackTestEncoder.HuffmanEncode(Encoding.Latin1.GetString(decoded, 0, n)));
        }
        Assert.True(accepted > 5000);
    }

    [Fact]
    public void HuffmanDecodesTwoStringsAtOnceExactlyAsEachAlone()
    {
        var random = new Random(23);
        for (int i = 0; i < 20000; i++)
        {
            byte[] first = RandomHuffmanInput(random);
            byte[] second = RandomHuffmanInput(random);
            // Room enough, or sometimes barely (or not) enough.
            byte[] firstOut = new byte[random.Next(3) == 0 ? random.Next(0, 80) : HpackHuffman.MaxDecodedLength(first.Length)];
            byte[] secondOut = new byte[random.Next(3) == 0 ? random.Next(0, 80) : HpackHuffman.MaxDecodedLength(second.Length)];
            byte[] firstAlone = new byte[firstOut.Length];
            byte[] secondAlone = new byte[secondOut.Length];
            int firstExpected = HpackHuffman.Decode(first, firstAlone);
            int secondExpected = HpackHuffman.Decode(second, secondAlone);

            HpackHuffman.Decode(first, firstOut, out int firstLength, second, secondOut, out int secondLength);

            Assert.Equal(firstExpected, firstLength);
            Assert.Equal(secondExpected, secondLength);
            if (firstLength > 0)
                Assert.Equal(firstAlone.AsSpan(0, firstLength).ToArray(), firstOut.AsSpan(0, firstLength).ToArray());
            if (secondLength > 0)
                Assert.Equal(secondAlone.AsSpan(0, secondLength).ToArray(), secondOut.AsSpan(0, secondLength).ToArray());
        }
    }

    [Fact]
    public void ABadStringDecodedAheadFailsTheBlockOnlyWhenItIsReached()
    {
        // Two literal fields with long Huffman values: the second is decoded together with
        // the first, but its error (EOS inside it) must stop the block at the second field.
        byte[] good = HpackTestEncoder.HuffmanEncode("a long enough value for pairing");
        byte[] block =
        [
            0x40, .. LiteralString("x-first"), .. HuffmanString(good),
            0x40 | 58, 0x8A, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, // user-agent: (EOS)
        ];
        var decoder = Fresh();
        var sink = new ListSink();
        Assert.Equal(HpackResult.Error, decoder.Decode(block, sink));
        Assert.Equal(["x-first: a long enough value for pairing"], sink.Fields);

        // An error before the string decoded ahead: that string is never used.
        block = [0x00, .. LiteralString("x-first"), .. HuffmanString(good), 0x80, 0x00, .. HuffmanString(HpackTestEncoder.HuffmanEncode("x-third-field-name")), .. HuffmanString(good)];
        decoder = Fresh();
        sink = new ListSink();
        Assert.Equal(HpackResult.Error, decoder.Decode(block, sink));
        Assert.Equal(["x-first: a long enough value for pairing"], sink.Fields);

        // And a block of such pairs decodes whole, in order, into the table too.
        block =
        [
            0x40, .. LiteralString("x-first"), .. HuffmanString(good),
            0x82, 0x86,
            0x40, .. HuffmanString(HpackTestEncoder.HuffmanEncode("x-second-name")), .. HuffmanString(HpackTestEncoder.HuffmanEncode("second value, also long")),
            0xBF,
        ];
        decoder = Fresh();
        Assert.Equal(
            "x-first: a long enough value for pairing|:method: GET|:scheme: http|x-second-name: second value, also long|x-first: a long enough value for pairing",
            string.Join("|", DecodeAll(decoder, block)));
    }

    [Theory]
    [InlineData("ffffffff")]          // EOS inside the string
    [InlineData("00")]                // padding that is not all ones
    [InlineData("f1e3c2e5f23a6ba0ab90f4ffff")] // 8 or more bits of padding
    public void InvalidHuffmanIsRejected(string hex)
    {
        Span<byte> output = stackalloc byte[64];
        Assert.Equal(-1, HpackHuffman.Decode(Convert.FromHexString(hex), output));
    }

    [Theory]
    [InlineData("80")]                // index 0
    [InlineData("bf")]                // index 63 in a complete table of one entry
    [InlineData("ff8080808080")]      // integer too long
    [InlineData("408cf1e3")]          // string longer than the block
    [InlineData("8220")]              // size update after a field
    [InlineData("3fe1ff03")]          // size update beyond what settings allow
    public void MalformedBlocksAreErrorsAndForgetTheTable(string hex)
    {
        var decoder = Fresh();
        decoder.AllowMaxSize(4096);
        Decode(decoder, "400a637573746f6d2d6b65790c637573746f6d2d76616c7565");
        Assert.Equal(1, decoder.Table.Count);
        var sink = new ListSink();
        Assert.Equal(HpackResult.Error, decoder.Decode(Convert.FromHexString(hex), sink));
        Assert.Equal(0, decoder.Table.Count);
        Assert.False(decoder.IsComplete);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void BlocksOfManyStringsDecodeInOrderWhateverIsPaired(int seed)
    {
        // Many literals of mixed lengths (short ones decode alone, long ones pair with the
        // longest of the next few strings), secrets among them, against a live table.
        // The encoder sends a string raw when Huffman would be longer: such a secret is kept whole.
        var random = new Random(seed);
        var encoder = new HpackTestEncoder();
        var redacting = new HpackDecoder(64 * 1024, redactSecrets: true);
        redacting.StartFresh();
        HpackDecoder whole = Fresh();
        int secretsSkipped = 0;
        for (int block = 0; block < 20; block++)
        {
            var fields = new List<(string, string)>();
            for (int i = random.Next(1, 60); i > 0; i--)
            {
                string value = new(Enumerable.Range(0, random.Next(0, 70)).Select(_ => (char)random.Next('!', '~' + 1)).ToArray());
                fields.Add(random.Next(10) == 0 ? ("cookie", value) : ($"x-field-{random.Next(30)}", value));
            }
            byte[] bytes = encoder.Encode([.. fields]);
            List<string> all = DecodeAll(whole, bytes);
            List<string> redacted = DecodeAll(redacting, bytes);
            Assert.Equal(fields.Select(f => $"{f.Item1}: {f.Item2}"), all);
            Assert.Equal(all.Count, redacted.Count);
            for (int i = 0; i < all.Count; i++)
            {
                if (fields[i].Item1 == "cookie" && redacted[i] == "cookie: " && all[i] != redacted[i])
                    secretsSkipped++;
                else
                    Assert.Equal(all[i], redacted[i]);
            }
        }
        Assert.True(secretsSkipped > 0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SecretsRedactionReplacesAreNotDecoded(bool huffman)
    {
        byte[] Str(string text) => huffman ? HuffmanString(HpackTestEncoder.HuffmanEncode(text)) : LiteralString(text);
        const string token = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl";
        // Never indexed: authorization (static 23), cookie (32); :path as a literal (4) before them,
        // which must not be paired with the values that are skipped; set-cookie (55) without
        // indexing and with no space to keep; a token with no scheme; then authorization added
        // to the table, which is decoded whole (the table counts its size) and read back by index.
        byte[] block =
        [
            0x04, .. Str("/api/users/42?include=profile,orders"),
            0x1f, 0x08, .. Str(token),
            0x1f, 0x11, .. Str("session=5ce0e4736bf92f35; theme=dark"),
            0x0f, 0x28, .. Str("id=a3fWa; Max-Age=2592000"),
            0x1f, 0x08, .. Str("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJlc2lnbmF0dXJl"),
            0x57, .. Str("Basic YWxhZGRpbjpvcGVuc2VzYW1l"),
            0xbe,
        ];
        var redacting = new HpackDecoder(64 * 1024, redactSecrets: true);
        redacting.StartFresh();
        var whole = Fresh();
        List<string> redacted = DecodeAll(redacting, block);
        List<string> decoded = DecodeAll(whole, block);
        string[] expectedWhole =
        [
            ":path: /api/users/42?include=profile,orders",
            "authorization: " + token,
            "cookie: session=5ce0e4736bf92f35; theme=dark",
            "set-cookie: id=a3fWa; Max-Age=2592000",
            "authorization: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJlc2lnbmF0dXJl",
            "authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l",
            "authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l",
        ];
        Assert.Equal(expectedWhole, decoded);
        // Raw strings cost nothing to copy, so they are kept whole; Huffman ones are not decoded
        // past what redaction shows (the scheme; all of a value with no space near its start).
        string[] expectedRedacted = huffman
            ? [expectedWhole[0], "authorization: Bearer ", "cookie: ", "set-cookie: ", expectedWhole[4], expectedWhole[5], expectedWhole[6]]
            : expectedWhole;
        Assert.Equal(expectedRedacted, redacted);
        Assert.Equal(whole.Table.Count, redacting.Table.Count);
        // What a record shows of them is the same either way.
        Assert.Equal(RedactedJson(decoded), RedactedJson(redacted));
        string json = RedactedJson(redacted);
        Assert.Contains("Bearer <redacted>", json, StringComparison.Ordinal);
        Assert.Contains("Basic <redacted>", json, StringComparison.Ordinal);
        Assert.Contains("\"cookie\":\"<redacted>\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", json, StringComparison.Ordinal);
    }

    [Fact]
    public void IncompleteTableDecodesWhatItCanAndLearnsNewEntries()
    {
        var decoder = new HpackDecoder(64 * 1024);
        Assert.False(decoder.IsComplete);
        var sink = new ListSink();
        // :status 200 (static), an entry we never saw (62), a new literal that is indexed.
        Assert.Equal(HpackResult.Decoded, decoder.Decode(Convert.FromHexString("88be400a637573746f6d2d6b65790c637573746f6d2d76616c7565"), sink));
        Assert.Equal(":status: 200|custom-key: custom-value", string.Join("|", sink.Fields));
        Assert.Equal(1, sink.Unknown);
        // The entry just added is 62 now and known; 63 is not.
        sink = new ListSink();
        Assert.Equal(HpackResult.Decoded, decoder.Decode(Convert.FromHexString("bebf"), sink));
        Assert.Equal("custom-key: custom-value", string.Join("|", sink.Fields));
        Assert.Equal(1, sink.Unknown);
    }

    [Fact]
    public void LiteralWithUnknownNameKeepsLaterIndicesRight()
    {
        var decoder = new HpackDecoder(64 * 1024);
        var sink = new ListSink();
        // Literal with incremental indexing, name from entry 62 (unknown), value "v"; then index 62 again.
        Assert.Equal(HpackResult.Decoded, decoder.Decode(Convert.FromHexString("7e0176"), sink));
        Assert.Equal(1, sink.Unknown);
        sink = new ListSink();
        Assert.Equal(HpackResult.Decoded, decoder.Decode(Convert.FromHexString("be"), sink));
        Assert.Empty(sink.Fields);
        Assert.Equal(1, sink.Unknown);
        Assert.Equal(1, decoder.Table.Count);
    }

    [Fact]
    public void TableNeverHoldsMoreThanItsMemoryLimit()
    {
        var decoder = new HpackDecoder(1024);
        decoder.StartFresh();
        decoder.AllowMaxSize(1 << 20);
        var encoder = new HpackTestEncoder();
        encoder.SetMaxSize(1 << 20);
        for (int i = 0; i < 100; i++)
        {
            var sink = new ListSink();
            Assert.Equal(HpackResult.Decoded, decoder.Decode(encoder.Encode(($"x-field-{i}", new string('v', 100))), sink));
        }
        Assert.True(decoder.Table.Count <= 1024 / 32);
        Assert.False(decoder.IsComplete);
    }

    [Fact]
    public void RandomBlocksNeverThrow()
    {
        var random = new Random(3);
        var decoder = new HpackDecoder(4096);
        decoder.StartFresh();
        for (int i = 0; i < 20_000; i++)
        {
            byte[] block = new byte[random.Next(0, 64)];
            random.NextBytes(block);
            decoder.Decode(block, new ListSink());
        }
    }

    private static byte[] RandomHuffmanInput(Random random)
    {
        if (random.Next(5) == 0)
        {
            byte[] noise = new byte[random.Next(0, 40)];
            random.NextBytes(noise);
            return noise;
        }
        byte[] text = new byte[random.Next(0, 70)];
        for (int j = 0; j < text.Length; j++)
            text[j] = random.Next(10) == 0 ? (byte)random.Next(256) : (byte)random.Next(32, 127);
        byte[] input = HpackTestEncoder.HuffmanEncode(Encoding.Latin1.GetString(text));
        if (input.Length > 0 && random.Next(4) == 0)
            input[random.Next(input.Length)] ^= (byte)(1 << random.Next(8));
        return input;
    }

    /// <summary>A string literal, not Huffman-coded (short enough for a 7-bit length).</summary>
    private static byte[] LiteralString(string text) => [(byte)text.Length, .. Encoding.Latin1.GetBytes(text)];

    /// <summary>A Huffman-coded string literal (short enough for a 7-bit length).</summary>
    private static byte[] HuffmanString(byte[] encoded) => [(byte)(0x80 | encoded.Length), .. encoded];

    private static List<string> DecodeAll(HpackDecoder decoder, byte[] block)
    {
        var sink = new ListSink();
        Assert.Equal(HpackResult.Decoded, decoder.Decode(block, sink));
        return sink.Fields;
    }

    /// <summary>The headers JSON a record would carry of these "name: value" fields, secrets redacted.</summary>
    private static string RedactedJson(List<string> fields)
    {
        var store = new List<byte>();
        var ranges = new List<HttpFieldRange>();
        foreach (string field in fields)
        {
            int colon = field.IndexOf(": ", StringComparison.Ordinal);
            byte[] name = Encoding.Latin1.GetBytes(field[..colon]);
            byte[] value = Encoding.Latin1.GetBytes(field[(colon + 2)..]);
            ranges.Add(new HttpFieldRange(store.Count, name.Length, store.Count + name.Length, value.Length));
            store.AddRange(name);
            store.AddRange(value);
        }
        var output = new ArrayBufferWriter<byte>();
        HttpHeadersJson.Write(HttpHeaders.FromFieldList([.. store], [.. ranges]), output, 8192, redactSecrets: true);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static HpackDecoder Fresh()
    {
        var decoder = new HpackDecoder(64 * 1024);
        decoder.StartFresh();
        return decoder;
    }

    private static string Decode(HpackDecoder decoder, string hex)
    {
        var sink = new ListSink();
        Assert.Equal(HpackResult.Decoded, decoder.Decode(Convert.FromHexString(hex), sink));
        Assert.Equal(0, sink.Unknown);
        return string.Join("|", sink.Fields);
    }

    private sealed class ListSink : IHpackFieldSink
    {
        public List<string> Fields { get; } = [];

        public int Unknown { get; private set; }

        public void OnField(KnownField known, ReadOnlySpan<byte> field, int nameLength)
        {
            // However the name was reached (static or dynamic index, literal), it is recognised
            // alike; secret names are told apart only when they come from the static table.
            ReadOnlySpan<byte> name = field[..nameLength];
            Assert.True(known == KnownFields.Of(name) || known == KnownFields.OfStatic(name), $"{Encoding.Latin1.GetString(name)}: {known}");
            Fields.Add($"{Encoding.Latin1.GetString(field[..nameLength])}: {Encoding.Latin1.GetString(field[nameLength..])}");
        }

        public void OnUnknownField() => Unknown++;
    }
}
