using static Devtools.Core.Tests.Protocols.Pgsql.PgWire;

namespace Devtools.Core.Tests.Protocols.Pgsql;

/// <summary>
/// A realistic connection: SSL refused, SCRAM authentication, simple queries (one with
/// three statements, one failing, one empty), Npgsql-style extended queries with binary
/// parameters, a named prepared statement executed later, a pipelined batch, an error in
/// a pipeline, COPY in both directions, a notice, a suspended portal and a Close.
/// </summary>
internal static class PgsqlSamples
{
    /// <summary>(what the client sends, what the server answers), in order.</summary>
    public static readonly (byte[] Request, byte[] Response)[] Exchanges =
    [
        (SslRequest(), SslRefused()),
        (Startup(), AuthSasl()),
        (Password("n,,n=,r=clientnonce"), AuthSaslContinue("r=clientnonceservernonce,s=c2FsdA==,i=4096")),
        (Password("c=biws,r=clientnonceservernonce,p=proof"), Concat(
            AuthSaslFinal("v=signature"), AuthOk(), ParameterStatus("server_version", "15.8"), ParameterStatus("client_encoding", "UTF8"),
            ParameterStatus("DateStyle", "ISO, MDY"), BackendKeyData(), Ready())),
        (PgWire.Query("SELECT 1"), Concat(RowDescription("?column?"), DataRow("1"), CommandComplete("SELECT 1"), Ready())),
        (PgWire.Query("BEGIN; INSERT INTO t VALUES (1); COMMIT"), Concat(CommandComplete("BEGIN"), CommandComplete("INSERT 0 1"), CommandComplete("COMMIT"), Ready())),
        (PgWire.Query("SELECT * FROM missing"), Concat(Error("42P01", "relation \"missing\" does not exist"), Ready())),
        (Concat(
            Parse("", "SELECT id, name FROM users WHERE id = $1 AND active = $2", 23, 16),
            Bind("", "", [1], [Int32(42), [1]], [1]),
            Describe('P', ""),
            Execute(),
            Sync()), Concat(ParseComplete(), BindComplete(), RowDescription("id", "name"), DataRow("42", "ada"), DataRow("43", "bob"), CommandComplete("SELECT 2"), Ready())),
        (Concat(Parse("s1", "UPDATE accounts SET balance = balance + $1 WHERE id = $2"), Describe('S', "s1"), Sync()),
            Concat(ParseComplete(), ParameterDescription(23, 20), NoData(), Ready())),
        (Concat(Bind("", "s1", [1], [Int32(-100), Int64(7)]), Execute(), Sync()), Concat(BindComplete(), CommandComplete("UPDATE 1"), Ready())),
        (Concat(
            Parse("", "INSERT INTO log(msg) VALUES ($1)", 25), BindText("", "", "it's"), Execute(),
            Parse("", "INSERT INTO log(msg) VALUES ($1)", 25), BindText("", "", (string?)null), Execute(),
            Sync()), Concat(ParseComplete(), BindComplete(), CommandComplete("INSERT 0 1"), ParseComplete(), BindComplete(), CommandComplete("INSERT 0 1"), Ready())),
        (Concat(
            Parse("", "SELECT 1/0"), BindText("", ""), Execute(),
            Parse("", "SELECT 2"), BindText("", ""), Execute(),
            Sync()), Concat(ParseComplete(), BindComplete(), Error("22012", "division by zero"), Ready('I'))),
        (PgWire.Query(""), Concat(EmptyQuery(), Ready())),
        (Concat(PgWire.Query("COPY t FROM STDIN"), CopyData("1\ta\n"), CopyData("2\tb\n"), CopyData("3\tc\n"), CopyDone()),
            Concat(CopyInResponse(2), CommandComplete("COPY 3"), Ready())),
        (PgWire.Query("COPY t TO STDOUT"), Concat(CopyOutResponse(2), CopyDataOut("1\ta\n"), CopyDataOut("2\tb\n"), CopyDoneOut(), CommandComplete("COPY 2"), Ready())),
        (PgWire.Query("DO $$ BEGIN RAISE NOTICE 'hi'; END $$"), Concat(Notice("hi"), CommandComplete("DO"), Ready())),
        (Concat(
            Parse("q", "SELECT n FROM generate_series(1, 3) n"), BindText("cur", "q"), Execute("cur", 2), Execute("cur", 2), Sync()),
            Concat(ParseComplete(), BindComplete(), DataRow("1"), DataRow("2"), PortalSuspended(), DataRow("3"), CommandComplete("SELECT 1"), Ready('T'))),
        (Concat(Close('S', "s1"), Sync()), Concat(CloseComplete(), Ready())),
        (Concat(Bind("", "s1", [], [[(byte)'1'], [(byte)'2']]), Execute(), Sync()), Concat(Error("26000", "prepared statement \"s1\" does not exist"), Ready())),
        (Terminate(), []),
    ];

    /// <summary>The records the connection must produce, in order.</summary>
    public static readonly string[] Expected =
    [
        "Query [SELECT 1] -> [SELECT 1]",
        "Query [BEGIN; INSERT INTO t VALUES (1); COMMIT] -> [BEGIN; INSERT 0 1; COMMIT]",
        "Query [SELECT * FROM missing] -> [ERROR: SQLSTATE 42P01: relation \"missing\" does not exist]",
        "Execute [SELECT id, name FROM users WHERE id = $1 AND active = $2 /* $1 = 42, $2 = true */] -> [SELECT 2]",
        "Execute [UPDATE accounts SET balance = balance + $1 WHERE id = $2 /* $1 = -100, $2 = 7 */] -> [UPDATE 1]",
        "Execute [INSERT INTO log(msg) VALUES ($1) /* $1 = 'it''s' */] -> [INSERT 0 1]",
        "Execute [INSERT INTO log(msg) VALUES ($1) /* $1 = NULL */] -> [INSERT 0 1]",
        "Execute [SELECT 1/0] -> [ERROR: SQLSTATE 22012: division by zero]",
        "Query [] -> [EMPTY QUERY]",
        "Query [COPY t FROM STDIN] -> [COPY 3]",
        "Query [COPY t TO STDOUT] -> [COPY 2]",
        "Query [DO $$ BEGIN RAISE NOTICE 'hi'; END $$] -> [DO]",
        "Execute [SELECT n FROM generate_series(1, 3) n] -> [SUSPENDED 2]",
        "Execute [SELECT n FROM generate_series(1, 3) n] -> [SELECT 1]",
        "Bind [<unknown statement \"s1\"> /* $1 = '1', $2 = '2' */] -> [ERROR: SQLSTATE 26000: prepared statement \"s1\" does not exist]",
    ];

    public static byte[] AllRequests => Concat([.. Exchanges.Select(e => e.Request)]);

    public static byte[] AllResponses => Concat([.. Exchanges.Select(e => e.Response)]);
}
