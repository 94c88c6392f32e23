using System.Reflection;
using System.Runtime.CompilerServices;
using TrustFundManager.Application;

namespace TrustFundManager.Api.Tests.Resilience;

/// <summary>One public method of a use-case class, and the API operations whose handlers call it.</summary>
public sealed record UseCaseMethod(MethodInfo Method, IReadOnlyList<ApiOperation> CalledBy)
{
    public override string ToString() => $"{Method.DeclaringType!.Name}.{Method.Name}";
}

/// <summary>
/// The application's use cases, each linked to the endpoints that call it: the handler's IL (and its async state
/// machine's) is read for calls to a use-case method. The link is what lets the use-case sweep expect exactly what
/// the HTTP sweep expects of the same operation, with no hand-kept table to fall out of date.
/// </summary>
public static class UseCaseCatalog
{
    public static IReadOnlyList<MethodInfo> PublicMethods() => ApplicationServiceCollectionExtensions.UseCaseTypes
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(m => !m.IsSpecialName)
        .OrderBy(m => m.DeclaringType!.FullName, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<UseCaseMethod> Link(IReadOnlyList<ApiOperation> operations)
    {
        var callers = new Dictionary<MethodInfo, List<ApiOperation>>();
        foreach (var operation in operations)
        {
            var handler = operation.Endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault();
            if (handler is null) continue;
            foreach (var called in UseCaseMethodsCalledBy(handler))
            {
                if (!callers.TryGetValue(called, out var list)) callers[called] = list = [];
                list.Add(operation);
            }
        }

        return PublicMethods().Select(m => new UseCaseMethod(m, callers.GetValueOrDefault(m) ?? [])).ToList();
    }

    /// <summary>The use-case methods a handler calls, directly or from its async state machine or a lambda of its class.</summary>
    private static HashSet<MethodInfo> UseCaseMethodsCalledBy(MethodInfo handler)
    {
        var bodies = new List<MethodBase> { handler };
        if (handler.GetCustomAttribute<AsyncStateMachineAttribute>() is { StateMachineType: var machine })
            bodies.Add(machine.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!);

        var useCaseTypes = ApplicationServiceCollectionExtensions.UseCaseTypes.ToHashSet();
        var found = new HashSet<MethodInfo>();
        foreach (var body in bodies)
        {
            var il = body.GetMethodBody()?.GetILAsByteArray() ?? [];
            for (var i = 0; i + 4 < il.Length; i++)
            {
                // call (0x28) and callvirt (0x6F) take a 4-byte method token. Reading every byte as a possible opcode
                // is crude, but a stray match must also resolve to a method of a use-case class to count.
                if (il[i] is not (0x28 or 0x6F)) continue;
                var token = BitConverter.ToInt32(il, i + 1);
                MethodBase? called;
                try
                {
                    called = body.Module.ResolveMethod(token, body.DeclaringType?.GetGenericArguments(),
                        body.IsGenericMethod ? body.GetGenericArguments() : null);
                }
                catch (Exception e) when (e is ArgumentException or BadImageFormatException)
                {
                    continue;
                }

                if (called is MethodInfo method && method.DeclaringType is { } type && useCaseTypes.Contains(type))
                    found.Add(method);
            }
        }

        return found;
    }
}
