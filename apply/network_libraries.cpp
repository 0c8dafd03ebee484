#include "apply/network_libraries.h"

#include <dlfcn.h>
#include <mutex>

namespace ecl::apply {
namespace {

CurlLibrary curl_library;
XmlLibrary xml_library;

// Resolves `name` in `handle` into `slot`; false (with `error`) when it is missing.
template <typename T>
bool resolve(void* handle, const char* library, const char* name, T& slot, std::string& error) {
  void* symbol = ::dlsym(handle, name);
  if (!symbol) {
    error = std::string(library) + " has no `" + name + "`";
    return false;
  }
  slot = reinterpret_cast<T>(symbol);
  return true;
}

// The SONAMEs of the Debian packages scripts/setup installs (libcurl4-openssl-dev, libxml2-dev).
constexpr const char* kCurl = "libcurl.so.4";
constexpr const char* kXml = "libxml2.so.2";

bool load(std::string& error) {
  void* curl_handle = ::dlopen(kCurl, RTLD_NOW | RTLD_LOCAL);
  if (!curl_handle) {
    error = std::string("cannot load ") + kCurl + " (" + ::dlerror() +
            "); eclc apply and destroy need libcurl: apt-get install libcurl4";
    return false;
  }
  void* xml_handle = ::dlopen(kXml, RTLD_NOW | RTLD_LOCAL);
  if (!xml_handle) {
    error = std::string("cannot load ") + kXml + " (" + ::dlerror() +
            "); eclc apply and destroy need libxml2: apt-get install libxml2";
    return false;
  }
  CurlLibrary& c = curl_library;
  XmlLibrary& x = xml_library;
  xmlFreeFunc* free_variable = nullptr;
  // The handles stay open for the life of the process.
  return resolve(curl_handle, kCurl, "curl_global_init", c.global_init, error) &&
         resolve(curl_handle, kCurl, "curl_easy_init", c.easy_init, error) &&
         resolve(curl_handle, kCurl, "curl_easy_cleanup", c.easy_cleanup, error) &&
         resolve(curl_handle, kCurl, "curl_easy_reset", c.easy_reset, error) &&
         resolve(curl_handle, kCurl, "curl_easy_setopt", c.easy_setopt, error) &&
         resolve(curl_handle, kCurl, "curl_easy_perform", c.easy_perform, error) &&
         resolve(curl_handle, kCurl, "curl_easy_getinfo", c.easy_getinfo, error) &&
         resolve(curl_handle, kCurl, "curl_easy_strerror", c.easy_strerror, error) &&
         resolve(curl_handle, kCurl, "curl_slist_append", c.slist_append, error) &&
         resolve(curl_handle, kCurl, "curl_slist_free_all", c.slist_free_all, error) &&
         resolve(xml_handle, kXml, "xmlReadMemory", x.read_memory, error) &&
         resolve(xml_handle, kXml, "xmlFreeDoc", x.free_doc, error) &&
         resolve(xml_handle, kXml, "xmlDocGetRootElement", x.doc_get_root_element, error) &&
         resolve(xml_handle, kXml, "xmlNodeGetContent", x.node_get_content, error) &&
         resolve(xml_handle, kXml, "xmlFree", free_variable, error) &&
         (x.free = *free_variable) != nullptr;
}

} // namespace

bool load_network_libraries(std::string& error) {
  static std::once_flag once;
  static bool loaded = false;
  static std::string load_error;
  std::call_once(once, [] { loaded = load(load_error); });
  error = load_error;
  return loaded;
}

const CurlLibrary& libcurl() {
  return curl_library;
}
const XmlLibrary& libxml() {
  return xml_library;
}

} // namespace ecl::apply
