using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace TrustFundManager.Api.Common;

/// <summary>
/// Names the query value that could not be read. The request delegates are generated at build time (the project sets
/// <c>EnableRequestDelegateGenerator</c>, so a host starts without compiling a delegate per endpoint), and for an
/// optional query value of the wrong type they answer a bare 400 that does not say which value it was. This finds it
/// from the handler's parameters, the way the framework's own error would have named it, so the caller still gets a
/// 400 naming the field (and, for one of the fund's lists, the values allowed).
/// </summary>
public static class UnboundQueryValues
{
    /// <summary>The 400 to answer for <paramref name="http"/>'s bare 400, or null when no query value is at fault.</summary>
    public static ProblemDetails? ProblemFor(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is not { } handler) return null;
        foreach (var (name, type) in QueryParameters(handler))
        {
            if (!http.Request.Query.TryGetValue(name, out var values)) continue;
            var value = values.ToString();
            if (value.Length == 0 || Reads(value, Nullable.GetUnderlyingType(type) ?? type)) continue;
            var message = $"Failed to bind parameter \"{TypeName(type)} {name}\" from \"{value}\".";
            return ApiExceptionHandler.MalformedRequest(new BadHttpRequestException(message), bodyType: null);
        }

        return null;
    }

    /// <summary>The values a handler reads from the query: its simple parameters and those of its [AsParameters] records.</summary>
    private static IEnumerable<(string Name, Type Type)> QueryParameters(MethodInfo handler)
    {
        foreach (var parameter in handler.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
            {
                foreach (var property in parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    if (property.CanWrite && IsSimple(property.PropertyType))
                        yield return (property.GetCustomAttribute<FromQueryAttribute>()?.Name ?? property.Name, property.PropertyType);
            }
            else if (IsSimple(parameter.ParameterType) && parameter.Name is { } name)
            {
                yield return (parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? name, parameter.ParameterType);
            }
        }
    }

    private static bool IsSimple(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsEnum || underlying.IsPrimitive || underlying == typeof(decimal) ||
               underlying == typeof(DateOnly) || underlying == typeof(DateTimeOffset) ||
               underlying == typeof(DateTime) || underlying == typeof(Guid) || underlying == typeof(TimeOnly);
    }

    /// <summary>Whether the value parses as the framework parses it: an enum by its exact name or number, else invariantly.</summary>
    private static bool Reads(string value, Type type)
    {
        if (type.IsEnum) return Enum.TryParse(type, value, ignoreCase: false, out _);
        var tryParse = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static,
            [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        if (tryParse is null) return true;
        return (bool)tryParse.Invoke(null, [value, CultureInfo.InvariantCulture, null])!;
    }

    private static string TypeName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } underlying ? underlying.Name + "?" : type.Name;
}
