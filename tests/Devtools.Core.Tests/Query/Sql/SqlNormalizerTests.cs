using Devtools.Core.Query.Sql;
using Devtools.Core.Tests.Support;

namespace Devtools.Core.Tests.Query.Sql;

public sealed class SqlNormalizerTests
{
    [Theory]
    // Strings, with '' escapes, prefixes and dollar quoting.
    [InlineData("SELECT * FROM users WHERE name = 'ada'", "SELECT * FROM users WHERE name = ?")]
    [InlineData("SELECT 'it''s', 'a'", "SELECT ?, ?")]
    [InlineData("SELECT E'a\\'b', 'c'", "SELECT ?, ?")]
    [InlineData("SELECT e'\\\\', 1", "SELECT ?, ?")]
    [InlineData("SELECT 'C:\\', 2", "SELECT ?, ?")]
    [InlineData("SELECT B'0101', X'ff', N'text', U&'d\\0061t'", "SELECT ?, ?, ?, ?")]
    [InlineData("SELECT $$a 'quoted' $ string$$ AS s", "SELECT ? AS s")]
    [InlineData("SELECT $fn$ body with $$ inside $fn$, $x$y$x$", "SELECT ?, ?")]
    [InlineData("DO $$ BEGIN RAISE NOTICE 'hi'; END $$", "DO ?")]
    [InlineData("SELECT 'unterminated", "SELECT ?")]
    [InlineData("SELECT $tag$ unterminated", "SELECT ?")]
    // Numbers.
    [InlineData("SELECT 1, 2.5, .5, 5., 1e10, 1.5E-3, 0x1F, 0b101, 0o17, 1_000_000", "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?")]
    [InlineData("SELECT * FROM t WHERE a = -5 AND b = +3", "SELECT * FROM t WHERE a = ? AND b = ?")]
    [InlineData("SELECT a - 5, a-5, (a) - 5, f(x) -1", "SELECT a - ?, a-?, (a) - ?, f(x) -?")]
    [InlineData("SELECT -1, (-2), ARRAY[-3]", "SELECT ?, (?), ARRAY[?]")]
    [InlineData("SELECT t1.c2, col_3, x99 FROM t1", "SELECT t1.c2, col_3, x99 FROM t1")]
    [InlineData("SELECT 1::int, '5'::numeric(10,2)", "SELECT ?::int, ?::numeric(?, ?)")]
    [InlineData("SELECT 10 LIMIT 5 OFFSET 20", "SELECT ? LIMIT ? OFFSET ?")]
    // Booleans and NULL.
    [InlineData("UPDATE t SET a = TRUE, b = false, c = NULL WHERE d IS NULL", "UPDATE t SET a = ?, b = ?, c = NULL WHERE d IS NULL")]
    [InlineData("SELECT truex, nullable FROM t", "SELECT truex, nullable FROM t")]
    // Placeholders stay.
    [InlineData("SELECT * FROM t WHERE id = $1 AND x = $12", "SELECT * FROM t WHERE id = $1 AND x = $12")]
    [InlineData("SELECT * FROM t WHERE id = ? AND x = ?", "SELECT * FROM t WHERE id = ? AND x = ?")]
    [InlineData("SELECT data ?| array['a'] FROM t", "SELECT data ?| array[?] FROM t")]
    // Whitespace and comments.
    [InlineData("  SELECT\n\t*\r\n  FROM   t  ", "SELECT * FROM t")]
    [InlineData("SELECT 1 -- trailing comment\nFROM t", "SELECT ? FROM t")]
    [InlineData("SELECT /* inline */ 1 /* nested /* inner */ still */ FROM t", "SELECT ? FROM t")]
    [InlineData("/* leading */ SELECT 1; ", "SELECT ?")]
    [InlineData("SELECT 1;;", "SELECT ?")]
    [InlineData("SELECT a /* unterminated", "SELECT a")]
    [InlineData("SELECT '--not a comment', '/* nor this */'", "SELECT ?, ?")]
    [InlineData("SELECT 1 # 2", "SELECT ? # ?")]
    // Lists.
    [InlineData("SELECT * FROM t WHERE id IN (1, 2, 3)", "SELECT * FROM t WHERE id IN (?)")]
    [InlineData("SELECT * FROM t WHERE id in (1,2,3,4,5,6,7)", "SELECT * FROM t WHERE id IN (?)")]
    [InlineData("SELECT * FROM t WHERE id IN ( 'a' , 'b' )", "SELECT * FROM t WHERE id IN (?)")]
    [InlineData("SELECT * FROM t WHERE id IN ($1, $2)", "SELECT * FROM t WHERE id IN ($1, $2)")]
    [InlineData("SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE x = 1)", "SELECT * FROM t WHERE id IN (SELECT id FROM u WHERE x = ?)")]
    [InlineData("SELECT * FROM t WHERE (a, b) IN ((1, 2), (3, 4))", "SELECT * FROM t WHERE (a, b) IN ((?, ?), (?, ?))")]
    [InlineData("INSERT INTO t (a, b) VALUES (1, 'x')", "INSERT INTO t (a, b) VALUES (?)")]
    [InlineData("INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y'),(3,'z')", "INSERT INTO t (a, b) VALUES (?)")]
    [InlineData("INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)", "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)")]
    [InlineData("INSERT INTO t VALUES (1, now()), (2, now())", "INSERT INTO t VALUES (?, now()), (?, now())")]
    [InlineData("INSERT INTO t VALUES (1, 2) ON CONFLICT (a) DO NOTHING", "INSERT INTO t VALUES (?) ON CONFLICT (a) DO NOTHING")]
    [InlineData("SELECT f(1, 2), g(3)", "SELECT f(?, ?), g(?)")]
    [InlineData("SELECT * FROM t WHERE id IN ()", "SELECT * FROM t WHERE id IN ()")]
    // Keywords upper-cased, identifiers kept.
    [InlineData("select Name, \"MixedCase\" from Users u join orders o on o.user_id = u.id", "SELECT Name, \"MixedCase\" FROM Users u JOIN orders o ON o.user_id = u.id")]
    [InlineData("SELECT \"it''s\" FROM \"my table\"", "SELECT \"it''s\" FROM \"my table\"")]
    [InlineData("SELECT a$b, $ FROM t", "SELECT a$b, $ FROM t")]
    [InlineData("", "")]
    [InlineData(" ; ", "")]
    public void NormalizesPostgreSql(string sql, string expected)
    {
        Assert.Equal(expected, new SqlNormalizer().Normalize(sql));
    }

    [Theory]
    [InlineData("SELECT * FROM t WHERE a = 'it\\'s' AND b = \"dq\"", "SELECT * FROM t WHERE a = ? AND b = ?")]
    [InlineData("SELECT `select`, `My Col` FROM `t`", "SELECT `select`, `My Col` FROM `t`")]
    [InlineData("SELECT 1 # comment\nFROM t", "SELECT ? FROM t")]
    [InlineData("SELECT /*!40101 SQL_NO_CACHE */ a FROM t", "SELECT a FROM t")]
    [InlineData("INSERT INTO t VALUES (1,'a'),(2,'b') ON DUPLICATE KEY UPDATE a = VALUES(a)", "INSERT INTO t VALUES (?) ON DUPLICATE KEY UPDATE a = VALUES(a)")]
    [InlineData("SELECT * FROM t WHERE id IN (?, ?, ?)", "SELECT * FROM t WHERE id IN (?)")]
    public void NormalizesMySql(string sql, string expected)
    {
        Assert.Equal(expected, new SqlNormalizer(SqlDialect.MySql).Normalize(sql));
    }

    [Fact]
    public void StatementsDifferingOnlyInValuesShareOneString()
    {
        var normalizer = new SqlNormalizer();
        string a = normalizer.Normalize("SELECT * FROM t WHERE id = 1");
        string b = normalizer.Normalize("select *   from t where id = 42 -- again");
        Assert.Same(a, b);
        Assert.Equal(1, normalizer.CachedCount);
    }

    [Fact]
    public void RepeatedStatementsCostNoAllocation()
    {
        var normalizer = new SqlNormalizer();
        byte[] utf8 = "UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2 /* $1 = '-4', $2 = '77' */"u8.ToArray();
        const string text = "SELECT * FROM orders WHERE id IN (1, 2, 3) AND status = 'open'";
        normalizer.Normalize(utf8);
        normalizer.Normalize(text);
        long allocated = Allocations.OfSteadyState(() =>
        {
            for (int i = 0; i < 100; i++)
            {
                normalizer.Normalize(utf8);
                normalizer.Normalize(text);
            }
        });
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void CacheIsBounded()
    {
        var normalizer = new SqlNormalizer(cacheCapacity: 10);
        for (int i = 0; i < 100; i++)
            Assert.Equal($"SELECT c{i} FROM t", normalizer.Normalize($"SELECT c{i} FROM t"));
        Assert.Equal(10, normalizer.CachedCount);
    }

    [Fact]
    public void ExecuteParametersInTheTrailingCommentDoNotChangeTheStatement()
    {
        var normalizer = new SqlNormalizer();
        Assert.Equal(
            "SELECT abalance FROM pgbench_accounts WHERE aid = $1",
            normalizer.Normalize("SELECT abalance FROM pgbench_accounts WHERE aid = $1 /* $1 = '4711' */"));
    }

    [Fact]
    public void HugeAndDeeplyNestedInputsStayBounded()
    {
        var normalizer = new SqlNormalizer();
        string deep = "SELECT " + new string('(', 500) + "1" + new string(')', 500);
        Assert.Equal("SELECT " + new string('(', 500) + "?" + new string(')', 500), normalizer.Normalize(deep));
        string longList = "SELECT * FROM t WHERE id IN (" + string.Join(",", Enumerable.Range(0, 50_000)) + ")";
        string normalized = normalizer.Normalize(longList);
        Assert.True(normalized.Length <= SqlNormalizer.MaxStatementChars * 2);
    }

    [Fact]
    public void RandomInputNeverThrowsAndFitsTheBuffer()
    {
        var random = new Random(5);
        const string alphabet = "abcXYZ019_$'\"`-/*#?(),;.:[]\\ \n\tEeBxUu&+=<>";
        char[] output = new char[2 * 300 + 8];
        for (int i = 0; i < 20_000; i++)
        {
            char[] sql = new char[random.Next(0, 300)];
            for (int j = 0; j < sql.Length; j++)
                sql[j] = random.Next(20) == 0 ? (char)random.Next(0x20, 0x3000) : alphabet[random.Next(alphabet.Length)];
            foreach (SqlDialect dialect in (SqlDialect[])[SqlDialect.PostgreSql, SqlDialect.MySql])
            {
                int length = SqlNormalizer.Write(sql, output, dialect);
                Assert.InRange(length, 0, output.Length);
            }
        }
    }
}
