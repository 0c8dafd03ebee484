// libcurl and libxml2, loaded at run time by the commands that talk to AWS.
//
// Only `eclc apply` and `eclc destroy` need HTTP and XML, but linking the two libraries into eclc
// makes every command load them and the ~30 libraries they depend on (TLS, Kerberos, LDAP, ICU…):
// 8.5 ms of a 11 ms start, which every `eclc check` in an editor or a build would pay. So eclc
// links neither and loads both here, once, on first use.
#pragma once

#include <curl/curl.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string>

namespace ecl::apply {

// The functions of each library eclc calls, with the libraries' own signatures.
struct CurlLibrary {
  decltype(&::curl_global_init) global_init;
  decltype(&::curl_easy_init) easy_init;
  decltype(&::curl_easy_cleanup) easy_cleanup;
  decltype(&::curl_easy_reset) easy_reset;
  decltype(&::curl_easy_setopt) easy_setopt;
  decltype(&::curl_easy_perform) easy_perform;
  decltype(&::curl_easy_getinfo) easy_getinfo;
  decltype(&::curl_easy_strerror) easy_strerror;
  decltype(&::curl_slist_append) slist_append;
  decltype(&::curl_slist_free_all) slist_free_all;
};

struct XmlLibrary {
  decltype(&::xmlReadMemory) read_memory;
  decltype(&::xmlFreeDoc) free_doc;
  decltype(&::xmlDocGetRootElement) doc_get_root_element;
  decltype(&::xmlNodeGetContent) node_get_content;
  xmlFreeFunc free; // libxml2's `xmlFree` is a variable holding its deallocator
};

// Loads both libraries (thread-safe, once). False with `error` set (which library, why, and how
// to install it) when one is missing or lacks a function.
bool load_network_libraries(std::string& error);

// The loaded libraries; only valid after load_network_libraries returned true.
const CurlLibrary& libcurl();
const XmlLibrary& libxml();

// A CURLOPT_WRITEFUNCTION: appends what arrives to the std::string at CURLOPT_WRITEDATA.
inline std::size_t collect(char* data, std::size_t size, std::size_t count, void* body) {
  static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

} // namespace ecl::apply
