using System.Collections.Immutable;

namespace Devtools.Lsp.Analysis.Frames;

/// <summary>Finds the source methods a profiler frame runs, by type and metadata name.</summary>
internal sealed class MethodIndex
{
    private readonly Dictionary<string, List<SourceMethod>> _byMember = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SourceMethod>> _byType = new(StringComparer.Ordinal);

    public MethodIndex(IEnumerable<SourceMethod> methods)
    {
        foreach (SourceMethod method in methods)
        {
            string key = method.Kind == SourceMethodKind.LocalFunction
                ? LocalKey(method.ContainingType, method.ContainingMethod ?? "", method.MetadataName)
                : MemberKey(method.ContainingType, method.MetadataName);
            Add(_byMember, key, method);
            Add(_byType, method.ContainingType, method);
        }
    }

    public ImmutableArray<SourceMethod> Find(string frame)
    {
        if (FrameName.Parse(frame) is not { } name)
            return [];
        if (name.LocalFunction is { } local && _byMember.TryGetValue(LocalKey(name.TypeName, name.MemberName, local), out List<SourceMethod>? locals))
            return [.. locals];
        if (_byMember.TryGetValue(MemberKey(name.TypeName, name.MemberName), out List<SourceMethod>? members))
            return Overload(members, name.ArgumentCount);
        return ExplicitImplementation(name);
    }

    /// <summary>Several overloads: the argument count, when the frame lists arguments, picks among them.</summary>
    private static ImmutableArray<SourceMethod> Overload(List<SourceMethod> candidates, int? arguments)
    {
        if (candidates.Count > 1 && arguments is { } count)
        {
            ImmutableArray<SourceMethod> sameCount = [.. candidates.Where(m => m.ParameterCount == count)];
            if (!sameCount.IsEmpty)
                return sameCount;
        }
        return [.. candidates];
    }

    /// <summary>
    /// <c>Shop.Repo.Shop.Data.IRepo.Get</c>: the explicit interface's namespace made the last dot
    /// the wrong split. Source names the member <c>IRepo.Get</c>; try each shorter type name.
    /// </summary>
    private ImmutableArray<SourceMethod> ExplicitImplementation(FrameName name)
    {
        string type = name.TypeName;
        for (int dot = type.LastIndexOf('.'); dot > 0; dot = type.LastIndexOf('.', dot - 1))
        {
            if (!_byType.TryGetValue(type[..dot], out List<SourceMethod>? methods))
                continue;
            string qualified = type[(dot + 1)..] + "." + name.MemberName;
            ImmutableArray<SourceMethod> found = [.. methods.Where(m => m.MetadataName.Contains('.', StringComparison.Ordinal)
                && (qualified == m.MetadataName || qualified.EndsWith("." + m.MetadataName, StringComparison.Ordinal)))];
            if (!found.IsEmpty)
                return found;
        }
        return [];
    }

    private static string MemberKey(string type, string member) => type + "::" + member;

    private static string LocalKey(string type, string member, string local) => type + "::" + member + "::" + local;

    private static void Add(Dictionary<string, List<SourceMethod>> index, string key, SourceMethod method)
    {
        if (!index.TryGetValue(key, out List<SourceMethod>? list))
            index[key] = list = [];
        list.Add(method);
    }
}
