namespace Devtools.Core.Storage;
