namespace Devtools.Core.Protocols.Mysql;

/// <summary>mysql_events.resp_status, with Pixie's values.</summary>
public enum MysqlResponseStatus : byte
{
    /// <summary>The response was not understood.</summary>
    Unknown = 0,

    /// <summary>The command gets no response (COM_STMT_CLOSE, COM_STMT_SEND_LONG_DATA, COM_QUIT).</summary>
    None = 1,

    /// <summary>An ERR packet.</summary>
    Err = 2,

    /// <summary>An OK or EOF packet, or a complete result set.</summary>
    Ok = 3,
}
