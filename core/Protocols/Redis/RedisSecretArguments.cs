using System.Text;

namespace Devtools.Core.Protocols.Redis;

/// <summary>
/// Decides, argument by argument, which arguments of a command are secrets to redact
/// (ProtocolOptions.RedactSecrets): AUTH's password, HELLO's AUTH password, MIGRATE's
/// AUTH/AUTH2 password, CONFIG SET values of password settings, and ACL SETUSER's
/// password rules. Knows only what it has been shown, in order: no allocation.
/// </summary>
internal struct RedisSecretArguments
{
    private Mode _mode;
    private long _index;
    private long _countdown;
    private bool _secretValueNext;

    private enum Mode : byte
    {
        None,

        /// <summary>AUTH password | AUTH username password: the last argument.</summary>
        Auth,

        /// <summary>HELLO [protover [AUTH username password] [SETNAME name]].</summary>
        Hello,

        /// <summary>MIGRATE ... [AUTH password | AUTH2 username password].</summary>
        Migrate,

        /// <summary>CONFIG SET name value [name value ...]: values of password settings.</summary>
        ConfigSet,

        /// <summary>ACL SETUSER name rule...: rules that add, remove or hash passwords.</summary>
        AclSetUser,
    }

    /// <summary>Starts a command (upper-case name, with subcommand) of <paramref name="argumentCount"/> arguments.</summary>
    public void Begin(ReadOnlySpan<byte> command, long argumentCount)
    {
        this = default;
        if (command.SequenceEqual("AUTH"u8))
        {
            _mode = Mode.Auth;
            _countdown = argumentCount;
        }
        else if (command.SequenceEqual("HELLO"u8))
        {
            _mode = Mode.Hello;
        }
        else if (command.SequenceEqual("MIGRATE"u8))
        {
            _mode = Mode.Migrate;
        }
        else if (command.SequenceEqual("CONFIG SET"u8))
        {
            _mode = Mode.ConfigSet;
        }
        else if (command.SequenceEqual("ACL SETUSER"u8))
        {
            _mode = Mode.AclSetUser;
        }
    }

    /// <summary>Whether the next argument (its kept prefix: enough for the keywords looked at) is a secret.</summary>
    public bool IsSecret(ReadOnlySpan<byte> argument)
    {
        long index = _index++;
        switch (_mode)
        {
            case Mode.Auth:
                // The password is the last argument, with or without a username before it.
                return --_countdown == 0;
            case Mode.Hello or Mode.Migrate:
                if (_countdown > 0)
                    return --_countdown == 0;
                if (Ascii.EqualsIgnoreCase(argument, "AUTH"u8))
                    _countdown = _mode == Mode.Hello ? 2 : 1;
                else if (_mode == Mode.Migrate && Ascii.EqualsIgnoreCase(argument, "AUTH2"u8))
                    _countdown = 2;
                return false;
            case Mode.ConfigSet:
                if (index % 2 == 1)
                    return _secretValueNext;
                _secretValueNext = Ascii.EqualsIgnoreCase(argument, "requirepass"u8)
                    || Ascii.EqualsIgnoreCase(argument, "masterauth"u8)
                    || Ascii.EqualsIgnoreCase(argument, "tls-key-file-pass"u8)
                    || Ascii.EqualsIgnoreCase(argument, "tls-client-key-file-pass"u8);
                return false;
            case Mode.AclSetUser:
                // ">pw" and "<pw" add and remove passwords, "#hash" and "!hash" their hashes.
                return index > 0 && !argument.IsEmpty && argument[0] is (byte)'>' or (byte)'<' or (byte)'#' or (byte)'!';
            default:
                return false;
        }
    }
}
