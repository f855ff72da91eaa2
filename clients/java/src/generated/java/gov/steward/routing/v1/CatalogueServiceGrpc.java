package gov.steward.routing.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * The item catalogue (事项目录), industry chains (产业链) and 一件事一次办 bundles. City
 * administrators edit it; every change is validated as a whole and applied all or nothing.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class CatalogueServiceGrpc {

  private CatalogueServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "steward.routing.v1.CatalogueService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.ListCatalogueItemsRequest,
      gov.steward.routing.v1.ListCatalogueItemsResponse> getListCatalogueItemsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListCatalogueItems",
      requestType = gov.steward.routing.v1.ListCatalogueItemsRequest.class,
      responseType = gov.steward.routing.v1.ListCatalogueItemsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.ListCatalogueItemsRequest,
      gov.steward.routing.v1.ListCatalogueItemsResponse> getListCatalogueItemsMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.ListCatalogueItemsRequest, gov.steward.routing.v1.ListCatalogueItemsResponse> getListCatalogueItemsMethod;
    if ((getListCatalogueItemsMethod = CatalogueServiceGrpc.getListCatalogueItemsMethod) == null) {
      synchronized (CatalogueServiceGrpc.class) {
        if ((getListCatalogueItemsMethod = CatalogueServiceGrpc.getListCatalogueItemsMethod) == null) {
          CatalogueServiceGrpc.getListCatalogueItemsMethod = getListCatalogueItemsMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.ListCatalogueItemsRequest, gov.steward.routing.v1.ListCatalogueItemsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListCatalogueItems"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ListCatalogueItemsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ListCatalogueItemsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogueServiceMethodDescriptorSupplier("ListCatalogueItems"))
              .build();
        }
      }
    }
    return getListCatalogueItemsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.GetCatalogueItemRequest,
      gov.steward.routing.v1.GetCatalogueItemResponse> getGetCatalogueItemMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetCatalogueItem",
      requestType = gov.steward.routing.v1.GetCatalogueItemRequest.class,
      responseType = gov.steward.routing.v1.GetCatalogueItemResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.GetCatalogueItemRequest,
      gov.steward.routing.v1.GetCatalogueItemResponse> getGetCatalogueItemMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.GetCatalogueItemRequest, gov.steward.routing.v1.GetCatalogueItemResponse> getGetCatalogueItemMethod;
    if ((getGetCatalogueItemMethod = CatalogueServiceGrpc.getGetCatalogueItemMethod) == null) {
      synchronized (CatalogueServiceGrpc.class) {
        if ((getGetCatalogueItemMethod = CatalogueServiceGrpc.getGetCatalogueItemMethod) == null) {
          CatalogueServiceGrpc.getGetCatalogueItemMethod = getGetCatalogueItemMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.GetCatalogueItemRequest, gov.steward.routing.v1.GetCatalogueItemResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetCatalogueItem"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.GetCatalogueItemRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.GetCatalogueItemResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogueServiceMethodDescriptorSupplier("GetCatalogueItem"))
              .build();
        }
      }
    }
    return getGetCatalogueItemMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.UpsertCatalogueItemRequest,
      gov.steward.routing.v1.UpsertCatalogueItemResponse> getUpsertCatalogueItemMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "UpsertCatalogueItem",
      requestType = gov.steward.routing.v1.UpsertCatalogueItemRequest.class,
      responseType = gov.steward.routing.v1.UpsertCatalogueItemResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.UpsertCatalogueItemRequest,
      gov.steward.routing.v1.UpsertCatalogueItemResponse> getUpsertCatalogueItemMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.UpsertCatalogueItemRequest, gov.steward.routing.v1.UpsertCatalogueItemResponse> getUpsertCatalogueItemMethod;
    if ((getUpsertCatalogueItemMethod = CatalogueServiceGrpc.getUpsertCatalogueItemMethod) == null) {
      synchronized (CatalogueServiceGrpc.class) {
        if ((getUpsertCatalogueItemMethod = CatalogueServiceGrpc.getUpsertCatalogueItemMethod) == null) {
          CatalogueServiceGrpc.getUpsertCatalogueItemMethod = getUpsertCatalogueItemMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.UpsertCatalogueItemRequest, gov.steward.routing.v1.UpsertCatalogueItemResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "UpsertCatalogueItem"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.UpsertCatalogueItemRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.UpsertCatalogueItemResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogueServiceMethodDescriptorSupplier("UpsertCatalogueItem"))
              .build();
        }
      }
    }
    return getUpsertCatalogueItemMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.ListSelectionsRequest,
      gov.steward.routing.v1.ListSelectionsResponse> getListSelectionsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListSelections",
      requestType = gov.steward.routing.v1.ListSelectionsRequest.class,
      responseType = gov.steward.routing.v1.ListSelectionsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.ListSelectionsRequest,
      gov.steward.routing.v1.ListSelectionsResponse> getListSelectionsMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.ListSelectionsRequest, gov.steward.routing.v1.ListSelectionsResponse> getListSelectionsMethod;
    if ((getListSelectionsMethod = CatalogueServiceGrpc.getListSelectionsMethod) == null) {
      synchronized (CatalogueServiceGrpc.class) {
        if ((getListSelectionsMethod = CatalogueServiceGrpc.getListSelectionsMethod) == null) {
          CatalogueServiceGrpc.getListSelectionsMethod = getListSelectionsMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.ListSelectionsRequest, gov.steward.routing.v1.ListSelectionsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListSelections"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ListSelectionsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ListSelectionsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogueServiceMethodDescriptorSupplier("ListSelections"))
              .build();
        }
      }
    }
    return getListSelectionsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.PublishCalendarYearRequest,
      gov.steward.routing.v1.PublishCalendarYearResponse> getPublishCalendarYearMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "PublishCalendarYear",
      requestType = gov.steward.routing.v1.PublishCalendarYearRequest.class,
      responseType = gov.steward.routing.v1.PublishCalendarYearResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.PublishCalendarYearRequest,
      gov.steward.routing.v1.PublishCalendarYearResponse> getPublishCalendarYearMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.PublishCalendarYearRequest, gov.steward.routing.v1.PublishCalendarYearResponse> getPublishCalendarYearMethod;
    if ((getPublishCalendarYearMethod = CatalogueServiceGrpc.getPublishCalendarYearMethod) == null) {
      synchronized (CatalogueServiceGrpc.class) {
        if ((getPublishCalendarYearMethod = CatalogueServiceGrpc.getPublishCalendarYearMethod) == null) {
          CatalogueServiceGrpc.getPublishCalendarYearMethod = getPublishCalendarYearMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.PublishCalendarYearRequest, gov.steward.routing.v1.PublishCalendarYearResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "PublishCalendarYear"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.PublishCalendarYearRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.PublishCalendarYearResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogueServiceMethodDescriptorSupplier("PublishCalendarYear"))
              .build();
        }
      }
    }
    return getPublishCalendarYearMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.ListDepartmentsRequest,
      gov.steward.routing.v1.ListDepartmentsResponse> getListDepartmentsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListDepartments",
      requestType = gov.steward.routing.v1.ListDepartmentsRequest.class,
      responseType = gov.steward.routing.v1.ListDepartmentsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.ListDepartmentsRequest,
      gov.steward.routing.v1.ListDepartmentsResponse> getListDepartmentsMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.ListDepartmentsRequest, gov.steward.routing.v1.ListDepartmentsResponse> getListDepartmentsMethod;
    if ((getListDepartmentsMethod = CatalogueServiceGrpc.getListDepartmentsMethod) == null) {
      synchronized (CatalogueServiceGrpc.class) {
        if ((getListDepartmentsMethod = CatalogueServiceGrpc.getListDepartmentsMethod) == null) {
          CatalogueServiceGrpc.getListDepartmentsMethod = getListDepartmentsMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.ListDepartmentsRequest, gov.steward.routing.v1.ListDepartmentsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListDepartments"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ListDepartmentsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.ListDepartmentsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogueServiceMethodDescriptorSupplier("ListDepartments"))
              .build();
        }
      }
    }
    return getListDepartmentsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.routing.v1.GetHolidayScheduleRequest,
      gov.steward.routing.v1.GetHolidayScheduleResponse> getGetHolidayScheduleMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetHolidaySchedule",
      requestType = gov.steward.routing.v1.GetHolidayScheduleRequest.class,
      responseType = gov.steward.routing.v1.GetHolidayScheduleResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.routing.v1.GetHolidayScheduleRequest,
      gov.steward.routing.v1.GetHolidayScheduleResponse> getGetHolidayScheduleMethod() {
    io.grpc.MethodDescriptor<gov.steward.routing.v1.GetHolidayScheduleRequest, gov.steward.routing.v1.GetHolidayScheduleResponse> getGetHolidayScheduleMethod;
    if ((getGetHolidayScheduleMethod = CatalogueServiceGrpc.getGetHolidayScheduleMethod) == null) {
      synchronized (CatalogueServiceGrpc.class) {
        if ((getGetHolidayScheduleMethod = CatalogueServiceGrpc.getGetHolidayScheduleMethod) == null) {
          CatalogueServiceGrpc.getGetHolidayScheduleMethod = getGetHolidayScheduleMethod =
              io.grpc.MethodDescriptor.<gov.steward.routing.v1.GetHolidayScheduleRequest, gov.steward.routing.v1.GetHolidayScheduleResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetHolidaySchedule"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.GetHolidayScheduleRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.routing.v1.GetHolidayScheduleResponse.getDefaultInstance()))
              .setSchemaDescriptor(new CatalogueServiceMethodDescriptorSupplier("GetHolidaySchedule"))
              .build();
        }
      }
    }
    return getGetHolidayScheduleMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static CatalogueServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CatalogueServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CatalogueServiceStub>() {
        @java.lang.Override
        public CatalogueServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CatalogueServiceStub(channel, callOptions);
        }
      };
    return CatalogueServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static CatalogueServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CatalogueServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CatalogueServiceBlockingV2Stub>() {
        @java.lang.Override
        public CatalogueServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CatalogueServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return CatalogueServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static CatalogueServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CatalogueServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CatalogueServiceBlockingStub>() {
        @java.lang.Override
        public CatalogueServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CatalogueServiceBlockingStub(channel, callOptions);
        }
      };
    return CatalogueServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static CatalogueServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<CatalogueServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<CatalogueServiceFutureStub>() {
        @java.lang.Override
        public CatalogueServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new CatalogueServiceFutureStub(channel, callOptions);
        }
      };
    return CatalogueServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * The item catalogue (事项目录), industry chains (产业链) and 一件事一次办 bundles. City
   * administrators edit it; every change is validated as a whole and applied all or nothing.
   * </pre>
   */
  public interface AsyncService {

    /**
     */
    default void listCatalogueItems(gov.steward.routing.v1.ListCatalogueItemsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ListCatalogueItemsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListCatalogueItemsMethod(), responseObserver);
    }

    /**
     */
    default void getCatalogueItem(gov.steward.routing.v1.GetCatalogueItemRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.GetCatalogueItemResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetCatalogueItemMethod(), responseObserver);
    }

    /**
     * <pre>
     * Adds or replaces one item (city administrators only).
     * </pre>
     */
    default void upsertCatalogueItem(gov.steward.routing.v1.UpsertCatalogueItemRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.UpsertCatalogueItemResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getUpsertCatalogueItemMethod(), responseObserver);
    }

    /**
     */
    default void listSelections(gov.steward.routing.v1.ListSelectionsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ListSelectionsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListSelectionsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Loads a year's official holiday schedule (国务院办公厅 notice); provisional deadlines in that
     * year are recomputed.
     * </pre>
     */
    default void publishCalendarYear(gov.steward.routing.v1.PublishCalendarYearRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.PublishCalendarYearResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getPublishCalendarYearMethod(), responseObserver);
    }

    /**
     * <pre>
     * The departments of the catalogue, with their names.
     * </pre>
     */
    default void listDepartments(gov.steward.routing.v1.ListDepartmentsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ListDepartmentsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListDepartmentsMethod(), responseObserver);
    }

    /**
     * <pre>
     * The holiday schedule published on top of the official data every service ships (the
     * chinese-days package): the years administrators published and their days. Other services
     * counting working days (intake's complaint clocks) read it here instead of keeping their own.
     * </pre>
     */
    default void getHolidaySchedule(gov.steward.routing.v1.GetHolidayScheduleRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.GetHolidayScheduleResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetHolidayScheduleMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service CatalogueService.
   * <pre>
   * The item catalogue (事项目录), industry chains (产业链) and 一件事一次办 bundles. City
   * administrators edit it; every change is validated as a whole and applied all or nothing.
   * </pre>
   */
  public static abstract class CatalogueServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return CatalogueServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service CatalogueService.
   * <pre>
   * The item catalogue (事项目录), industry chains (产业链) and 一件事一次办 bundles. City
   * administrators edit it; every change is validated as a whole and applied all or nothing.
   * </pre>
   */
  public static final class CatalogueServiceStub
      extends io.grpc.stub.AbstractAsyncStub<CatalogueServiceStub> {
    private CatalogueServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CatalogueServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CatalogueServiceStub(channel, callOptions);
    }

    /**
     */
    public void listCatalogueItems(gov.steward.routing.v1.ListCatalogueItemsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ListCatalogueItemsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListCatalogueItemsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void getCatalogueItem(gov.steward.routing.v1.GetCatalogueItemRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.GetCatalogueItemResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetCatalogueItemMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Adds or replaces one item (city administrators only).
     * </pre>
     */
    public void upsertCatalogueItem(gov.steward.routing.v1.UpsertCatalogueItemRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.UpsertCatalogueItemResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getUpsertCatalogueItemMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void listSelections(gov.steward.routing.v1.ListSelectionsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ListSelectionsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListSelectionsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Loads a year's official holiday schedule (国务院办公厅 notice); provisional deadlines in that
     * year are recomputed.
     * </pre>
     */
    public void publishCalendarYear(gov.steward.routing.v1.PublishCalendarYearRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.PublishCalendarYearResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getPublishCalendarYearMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The departments of the catalogue, with their names.
     * </pre>
     */
    public void listDepartments(gov.steward.routing.v1.ListDepartmentsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.ListDepartmentsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListDepartmentsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The holiday schedule published on top of the official data every service ships (the
     * chinese-days package): the years administrators published and their days. Other services
     * counting working days (intake's complaint clocks) read it here instead of keeping their own.
     * </pre>
     */
    public void getHolidaySchedule(gov.steward.routing.v1.GetHolidayScheduleRequest request,
        io.grpc.stub.StreamObserver<gov.steward.routing.v1.GetHolidayScheduleResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetHolidayScheduleMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service CatalogueService.
   * <pre>
   * The item catalogue (事项目录), industry chains (产业链) and 一件事一次办 bundles. City
   * administrators edit it; every change is validated as a whole and applied all or nothing.
   * </pre>
   */
  public static final class CatalogueServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<CatalogueServiceBlockingV2Stub> {
    private CatalogueServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CatalogueServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CatalogueServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     */
    public gov.steward.routing.v1.ListCatalogueItemsResponse listCatalogueItems(gov.steward.routing.v1.ListCatalogueItemsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListCatalogueItemsMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.routing.v1.GetCatalogueItemResponse getCatalogueItem(gov.steward.routing.v1.GetCatalogueItemRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetCatalogueItemMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds or replaces one item (city administrators only).
     * </pre>
     */
    public gov.steward.routing.v1.UpsertCatalogueItemResponse upsertCatalogueItem(gov.steward.routing.v1.UpsertCatalogueItemRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getUpsertCatalogueItemMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.routing.v1.ListSelectionsResponse listSelections(gov.steward.routing.v1.ListSelectionsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListSelectionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Loads a year's official holiday schedule (国务院办公厅 notice); provisional deadlines in that
     * year are recomputed.
     * </pre>
     */
    public gov.steward.routing.v1.PublishCalendarYearResponse publishCalendarYear(gov.steward.routing.v1.PublishCalendarYearRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getPublishCalendarYearMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The departments of the catalogue, with their names.
     * </pre>
     */
    public gov.steward.routing.v1.ListDepartmentsResponse listDepartments(gov.steward.routing.v1.ListDepartmentsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListDepartmentsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The holiday schedule published on top of the official data every service ships (the
     * chinese-days package): the years administrators published and their days. Other services
     * counting working days (intake's complaint clocks) read it here instead of keeping their own.
     * </pre>
     */
    public gov.steward.routing.v1.GetHolidayScheduleResponse getHolidaySchedule(gov.steward.routing.v1.GetHolidayScheduleRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetHolidayScheduleMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service CatalogueService.
   * <pre>
   * The item catalogue (事项目录), industry chains (产业链) and 一件事一次办 bundles. City
   * administrators edit it; every change is validated as a whole and applied all or nothing.
   * </pre>
   */
  public static final class CatalogueServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<CatalogueServiceBlockingStub> {
    private CatalogueServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CatalogueServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CatalogueServiceBlockingStub(channel, callOptions);
    }

    /**
     */
    public gov.steward.routing.v1.ListCatalogueItemsResponse listCatalogueItems(gov.steward.routing.v1.ListCatalogueItemsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListCatalogueItemsMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.routing.v1.GetCatalogueItemResponse getCatalogueItem(gov.steward.routing.v1.GetCatalogueItemRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetCatalogueItemMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Adds or replaces one item (city administrators only).
     * </pre>
     */
    public gov.steward.routing.v1.UpsertCatalogueItemResponse upsertCatalogueItem(gov.steward.routing.v1.UpsertCatalogueItemRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getUpsertCatalogueItemMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.routing.v1.ListSelectionsResponse listSelections(gov.steward.routing.v1.ListSelectionsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListSelectionsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Loads a year's official holiday schedule (国务院办公厅 notice); provisional deadlines in that
     * year are recomputed.
     * </pre>
     */
    public gov.steward.routing.v1.PublishCalendarYearResponse publishCalendarYear(gov.steward.routing.v1.PublishCalendarYearRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getPublishCalendarYearMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The departments of the catalogue, with their names.
     * </pre>
     */
    public gov.steward.routing.v1.ListDepartmentsResponse listDepartments(gov.steward.routing.v1.ListDepartmentsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListDepartmentsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The holiday schedule published on top of the official data every service ships (the
     * chinese-days package): the years administrators published and their days. Other services
     * counting working days (intake's complaint clocks) read it here instead of keeping their own.
     * </pre>
     */
    public gov.steward.routing.v1.GetHolidayScheduleResponse getHolidaySchedule(gov.steward.routing.v1.GetHolidayScheduleRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetHolidayScheduleMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service CatalogueService.
   * <pre>
   * The item catalogue (事项目录), industry chains (产业链) and 一件事一次办 bundles. City
   * administrators edit it; every change is validated as a whole and applied all or nothing.
   * </pre>
   */
  public static final class CatalogueServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<CatalogueServiceFutureStub> {
    private CatalogueServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected CatalogueServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new CatalogueServiceFutureStub(channel, callOptions);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.ListCatalogueItemsResponse> listCatalogueItems(
        gov.steward.routing.v1.ListCatalogueItemsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListCatalogueItemsMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.GetCatalogueItemResponse> getCatalogueItem(
        gov.steward.routing.v1.GetCatalogueItemRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetCatalogueItemMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Adds or replaces one item (city administrators only).
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.UpsertCatalogueItemResponse> upsertCatalogueItem(
        gov.steward.routing.v1.UpsertCatalogueItemRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getUpsertCatalogueItemMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.ListSelectionsResponse> listSelections(
        gov.steward.routing.v1.ListSelectionsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListSelectionsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Loads a year's official holiday schedule (国务院办公厅 notice); provisional deadlines in that
     * year are recomputed.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.PublishCalendarYearResponse> publishCalendarYear(
        gov.steward.routing.v1.PublishCalendarYearRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getPublishCalendarYearMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The departments of the catalogue, with their names.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.ListDepartmentsResponse> listDepartments(
        gov.steward.routing.v1.ListDepartmentsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListDepartmentsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The holiday schedule published on top of the official data every service ships (the
     * chinese-days package): the years administrators published and their days. Other services
     * counting working days (intake's complaint clocks) read it here instead of keeping their own.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.routing.v1.GetHolidayScheduleResponse> getHolidaySchedule(
        gov.steward.routing.v1.GetHolidayScheduleRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetHolidayScheduleMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_LIST_CATALOGUE_ITEMS = 0;
  private static final int METHODID_GET_CATALOGUE_ITEM = 1;
  private static final int METHODID_UPSERT_CATALOGUE_ITEM = 2;
  private static final int METHODID_LIST_SELECTIONS = 3;
  private static final int METHODID_PUBLISH_CALENDAR_YEAR = 4;
  private static final int METHODID_LIST_DEPARTMENTS = 5;
  private static final int METHODID_GET_HOLIDAY_SCHEDULE = 6;

  private static final class MethodHandlers<Req, Resp> implements
      io.grpc.stub.ServerCalls.UnaryMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ServerStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.ClientStreamingMethod<Req, Resp>,
      io.grpc.stub.ServerCalls.BidiStreamingMethod<Req, Resp> {
    private final AsyncService serviceImpl;
    private final int methodId;

    MethodHandlers(AsyncService serviceImpl, int methodId) {
      this.serviceImpl = serviceImpl;
      this.methodId = methodId;
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public void invoke(Req request, io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        case METHODID_LIST_CATALOGUE_ITEMS:
          serviceImpl.listCatalogueItems((gov.steward.routing.v1.ListCatalogueItemsRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.ListCatalogueItemsResponse>) responseObserver);
          break;
        case METHODID_GET_CATALOGUE_ITEM:
          serviceImpl.getCatalogueItem((gov.steward.routing.v1.GetCatalogueItemRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.GetCatalogueItemResponse>) responseObserver);
          break;
        case METHODID_UPSERT_CATALOGUE_ITEM:
          serviceImpl.upsertCatalogueItem((gov.steward.routing.v1.UpsertCatalogueItemRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.UpsertCatalogueItemResponse>) responseObserver);
          break;
        case METHODID_LIST_SELECTIONS:
          serviceImpl.listSelections((gov.steward.routing.v1.ListSelectionsRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.ListSelectionsResponse>) responseObserver);
          break;
        case METHODID_PUBLISH_CALENDAR_YEAR:
          serviceImpl.publishCalendarYear((gov.steward.routing.v1.PublishCalendarYearRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.PublishCalendarYearResponse>) responseObserver);
          break;
        case METHODID_LIST_DEPARTMENTS:
          serviceImpl.listDepartments((gov.steward.routing.v1.ListDepartmentsRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.ListDepartmentsResponse>) responseObserver);
          break;
        case METHODID_GET_HOLIDAY_SCHEDULE:
          serviceImpl.getHolidaySchedule((gov.steward.routing.v1.GetHolidayScheduleRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.routing.v1.GetHolidayScheduleResponse>) responseObserver);
          break;
        default:
          throw new AssertionError();
      }
    }

    @java.lang.Override
    @java.lang.SuppressWarnings("unchecked")
    public io.grpc.stub.StreamObserver<Req> invoke(
        io.grpc.stub.StreamObserver<Resp> responseObserver) {
      switch (methodId) {
        default:
          throw new AssertionError();
      }
    }
  }

  public static final io.grpc.ServerServiceDefinition bindService(AsyncService service) {
    return io.grpc.ServerServiceDefinition.builder(getServiceDescriptor())
        .addMethod(
          getListCatalogueItemsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.ListCatalogueItemsRequest,
              gov.steward.routing.v1.ListCatalogueItemsResponse>(
                service, METHODID_LIST_CATALOGUE_ITEMS)))
        .addMethod(
          getGetCatalogueItemMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.GetCatalogueItemRequest,
              gov.steward.routing.v1.GetCatalogueItemResponse>(
                service, METHODID_GET_CATALOGUE_ITEM)))
        .addMethod(
          getUpsertCatalogueItemMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.UpsertCatalogueItemRequest,
              gov.steward.routing.v1.UpsertCatalogueItemResponse>(
                service, METHODID_UPSERT_CATALOGUE_ITEM)))
        .addMethod(
          getListSelectionsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.ListSelectionsRequest,
              gov.steward.routing.v1.ListSelectionsResponse>(
                service, METHODID_LIST_SELECTIONS)))
        .addMethod(
          getPublishCalendarYearMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.PublishCalendarYearRequest,
              gov.steward.routing.v1.PublishCalendarYearResponse>(
                service, METHODID_PUBLISH_CALENDAR_YEAR)))
        .addMethod(
          getListDepartmentsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.ListDepartmentsRequest,
              gov.steward.routing.v1.ListDepartmentsResponse>(
                service, METHODID_LIST_DEPARTMENTS)))
        .addMethod(
          getGetHolidayScheduleMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.routing.v1.GetHolidayScheduleRequest,
              gov.steward.routing.v1.GetHolidayScheduleResponse>(
                service, METHODID_GET_HOLIDAY_SCHEDULE)))
        .build();
  }

  private static abstract class CatalogueServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    CatalogueServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return gov.steward.routing.v1.CatalogueProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("CatalogueService");
    }
  }

  private static final class CatalogueServiceFileDescriptorSupplier
      extends CatalogueServiceBaseDescriptorSupplier {
    CatalogueServiceFileDescriptorSupplier() {}
  }

  private static final class CatalogueServiceMethodDescriptorSupplier
      extends CatalogueServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    CatalogueServiceMethodDescriptorSupplier(java.lang.String methodName) {
      this.methodName = methodName;
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.MethodDescriptor getMethodDescriptor() {
      return getServiceDescriptor().findMethodByName(methodName);
    }
  }

  private static volatile io.grpc.ServiceDescriptor serviceDescriptor;

  public static io.grpc.ServiceDescriptor getServiceDescriptor() {
    io.grpc.ServiceDescriptor result = serviceDescriptor;
    if (result == null) {
      synchronized (CatalogueServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new CatalogueServiceFileDescriptorSupplier())
              .addMethod(getListCatalogueItemsMethod())
              .addMethod(getGetCatalogueItemMethod())
              .addMethod(getUpsertCatalogueItemMethod())
              .addMethod(getListSelectionsMethod())
              .addMethod(getPublishCalendarYearMethod())
              .addMethod(getListDepartmentsMethod())
              .addMethod(getGetHolidayScheduleMethod())
              .build();
        }
      }
    }
    return result;
  }
}
