# frozen_string_literal: true

require "set"

module Embott
  # One page of a list: its items ({#data}), navigation ({#next_page?}, {#next_page}) and
  # {#auto_paging_each}, which walks every following page holding one page in memory at a time.
  #
  # @example
  #   client.bots.list(limit: 50).auto_paging_each { |bot| puts bot.name }
  #   client.bots.list.auto_paging_each.lazy.select { |bot| bot.status == "active" }.first(10)
  class Page
    include Enumerable

    # @return [Array<Model>] this page's items
    attr_reader :data
    # @return [Object] the page's parsed body (a Hash for JSON objects)
    attr_reader :body
    # @return [Hash{String => String}] the response headers
    attr_reader :headers
    # @return [ResponseInfo, nil] this page's response: request id, rate limit, headers
    attr_reader :last_response

    # @api private
    # @param loader [#call] loads a {Internal::Transport::Request} and returns its {Internal::Transport::Response}
    # @param request [Internal::Transport::Request] the request that produced this page
    # @param response [Internal::Transport::Response]
    # @param descriptor [Hash] the pagination descriptor (see {Internal::PageStyles})
    # @param item [Class, Union, nil] what each item becomes
    # @param base_uri [URI::HTTP]
    # @param seen [Set<String>] the requests of the pages that led to this one, to detect cycles
    def initialize(loader:, request:, response:, descriptor:, item:, base_uri:, seen: Set.new)
      @loader = loader
      @request = request
      @body = response.body
      @headers = response.headers
      @last_response = response.respond_to?(:info) ? response.info : nil
      @descriptor = descriptor
      @item = item
      @base_uri = base_uri
      @seen = seen.dup.add(self.class.key(request)).freeze
      @data = Internal::PageStyles.items(@body, descriptor).map { |value| Model.coerce(value, item) }
    end

    # @api private
    # @return [String] what identifies a page request (path and query)
    def self.key(request)
      "#{request.path}?#{Internal::Query.encode(request.query || {})}"
    end

    # Iterates this page's items only; see {#auto_paging_each} for every page.
    # @yieldparam item [Model]
    # @return [Enumerator, self]
    def each(&block)
      return enum_for(:each) { @data.length } unless block

      @data.each(&block)
      self
    end

    # @return [Boolean] whether another page follows
    def next_page?
      !next_request.nil?
    end

    # Loads the following page.
    # @return [Page, nil] nil on the last page
    # @raise [PaginationCycleError] when the server points back to a page already loaded
    def next_page
      request = next_request
      return nil unless request

      if @seen.include?(self.class.key(request))
        raise PaginationCycleError, "The next page's cursor points back to a page already loaded " \
                                    "(#{request.path}); stopping instead of looping forever."
      end

      self.class.new(loader: @loader, request: request, response: @loader.call(request), descriptor: @descriptor,
                     item: @item, base_uri: @base_uri, seen: @seen)
    end

    # Yields every item of this page and of each following page, loading one page at a time.
    # Without a block, returns an Enumerator (use `.lazy` to stop early).
    # @yieldparam item [Model]
    # @return [Enumerator, nil]
    def auto_paging_each(&block)
      return enum_for(:auto_paging_each) unless block

      each_page { |page| page.data.each(&block) }
    end

    # Yields this page and each following one.
    # @yieldparam page [Page]
    # @return [Enumerator, nil]
    def each_page
      return enum_for(:each_page) unless block_given?

      page = self
      while page
        yield page
        page = page.next_page
      end
    end

    # @return [String]
    def inspect
      "#<#{self.class.name} items=#{@data.length} next_page?=#{next_page?}>"
    end

    private

    def next_request
      return @next_request if defined?(@next_request)

      @next_request = Internal::PageStyles.next_request(@descriptor, @request, @body, @headers, @data.length, @base_uri)
    end
  end
end
