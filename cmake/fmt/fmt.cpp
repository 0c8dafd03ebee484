// fmt's compiled part, built once. Debian's libfmt-dev ships fmt's headers and a shared library
// but no static one; eclc links statically (tools/eclc/CMakeLists.txt) and fmt's header-only mode
// compiles the whole formatting engine into every file that calls fmt::format, which tripled the
// compile time of those files. So every target uses fmt's headers in library mode (no
// FMT_HEADER_ONLY) and links this file, which defines what the headers declare but leave to the
// library: the non-template functions of format-inl.h (FMT_FUNC is empty outside header-only mode)
// and the templates format.h declares `extern`, instantiated below for the types the library has.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

template auto dragonbox::to_decimal(float x) noexcept -> dragonbox::decimal_fp<float>;
template auto dragonbox::to_decimal(double x) noexcept -> dragonbox::decimal_fp<double>;

template locale_ref::locale_ref(const std::locale& loc);
template auto locale_ref::get<std::locale>() const -> std::locale;

template auto thousands_sep_impl<char>(locale_ref) -> thousands_sep_result<char>;
template auto thousands_sep_impl<wchar_t>(locale_ref) -> thousands_sep_result<wchar_t>;
template auto decimal_point_impl(locale_ref) -> char;
template auto decimal_point_impl(locale_ref) -> wchar_t;

template void vformat_to(buffer<char>&, string_view, basic_format_args<buffer_context<char>>,
                         locale_ref);

} // namespace detail
FMT_END_NAMESPACE
