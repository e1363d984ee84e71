namespace Devtools.Core.Protocols.Mysql;

/// <summary>The command byte that starts every client request in the command phase.</summary>
public enum MysqlCommand : byte
{
    Sleep = 0x00,
    Quit = 0x01,
    InitDb = 0x02,
    Query = 0x03,
    FieldList = 0x04,
    CreateDb = 0x05,
    DropDb = 0x06,
    Refresh = 0x07,
    Shutdown = 0x08,
    Statistics = 0x09,
    ProcessInfo = 0x0a,
    Connect = 0x0b,
    ProcessKill = 0x0c,
    Debug = 0x0d,
    Ping = 0x0e,
    Time = 0x0f,
    DelayedInsert = 0x10,
    ChangeUser = 0x11,
    BinlogDump = 0x12,
    TableDump = 0x13,
    ConnectOut = 0x14,
    RegisterSlave = 0x15,
    StmtPrepare = 0x16,
    StmtExecute = 0x17,
    StmtSendLongData = 0x18,
    StmtClose = 0x19,
    StmtReset = 0x1a,
    SetOption = 0x1b,
    StmtFetch = 0x1c,
    Daemon = 0x1d,
    BinlogDumpGtid = 0x1e,
    ResetConnection = 0x1f,

    /// <summary>MariaDB: COM_STMT_EXECUTE for many parameter sets at once.</summary>
    StmtBulkExecute = 0xfa,
}

/// <summary>What each command means for capture: whether clients send it, whether it is answered, its name.</summary>
public static class MysqlCommands
{
    /// <summary>
    /// Commands a client sends. The server-internal ones (Sleep, Connect, Time, DelayedInsert,
    /// ConnectOut, Daemon, TableDump) never appear on the wire from a client: seeing one means
    /// these bytes are not a MySQL command.
    /// </summary>
    public static bool IsClientCommand(byte command) => command switch
    {
        0x00 or 0x0b or 0x0f or 0x10 or 0x13 or 0x14 or 0x1d => false,
        <= 0x1f => true,
        0xfa => true,
        _ => false,
    };

    /// <summary>False for the commands the server never answers: the record is written with status "none".</summary>
    public static bool ExpectsResponse(MysqlCommand command) =>
        command is not (MysqlCommand.StmtClose or MysqlCommand.StmtSendLongData or MysqlCommand.Quit);

    /// <summary>Commands whose payload after the command byte is text (a query, a schema or table name).</summary>
    public static bool HasTextArgument(MysqlCommand command) =>
        command is MysqlCommand.Query or MysqlCommand.StmtPrepare or MysqlCommand.InitDb or MysqlCommand.FieldList
            or MysqlCommand.CreateDb or MysqlCommand.DropDb;

    /// <summary>"COM_QUERY" and so on, as the MySQL documentation names them.</summary>
    public static string Name(long command) => command switch
    {
        0x00 => "COM_SLEEP",
        0x01 => "COM_QUIT",
        0x02 => "COM_INIT_DB",
        0x03 => "COM_QUERY",
        0x04 => "COM_FIELD_LIST",
        0x05 => "COM_CREATE_DB",
        0x06 => "COM_DROP_DB",
        0x07 => "COM_REFRESH",
        0x08 => "COM_SHUTDOWN",
        0x09 => "COM_STATISTICS",
        0x0a => "COM_PROCESS_INFO",
        0x0b => "COM_CONNECT",
        0x0c => "COM_PROCESS_KILL",
        0x0d => "COM_DEBUG",
        0x0e => "COM_PING",
        0x0f => "COM_TIME",
        0x10 => "COM_DELAYED_INSERT",
        0x11 => "COM_CHANGE_USER",
        0x12 => "COM_BINLOG_DUMP",
        0x13 => "COM_TABLE_DUMP",
        0x14 => "COM_CONNECT_OUT",
        0x15 => "COM_REGISTER_SLAVE",
        0x16 => "COM_STMT_PREPARE",
        0x17 => "COM_STMT_EXECUTE",
        0x18 => "COM_STMT_SEND_LONG_DATA",
        0x19 => "COM_STMT_CLOSE",
        0x1a => "COM_STMT_RESET",
        0x1b => "COM_SET_OPTION",
        0x1c => "COM_STMT_FETCH",
        0x1d => "COM_DAEMON",
        0x1e => "COM_BINLOG_DUMP_GTID",
        0x1f => "COM_RESET_CONNECTION",
        0xfa => "COM_STMT_BULK_EXECUTE",
        _ => "COM_UNKNOWN",
    };
}
