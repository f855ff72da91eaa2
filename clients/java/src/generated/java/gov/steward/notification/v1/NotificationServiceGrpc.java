package gov.steward.notification.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Notification (通知): every person or system who must act is told, on their channel, exactly
 * once. Deliveries, their dead letters, recipients' channel preferences and the webhook endpoints
 * of department systems and the 12345 system.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class NotificationServiceGrpc {

  private NotificationServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "steward.notification.v1.NotificationService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<gov.steward.notification.v1.ListDeliveriesRequest,
      gov.steward.notification.v1.ListDeliveriesResponse> getListDeliveriesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListDeliveries",
      requestType = gov.steward.notification.v1.ListDeliveriesRequest.class,
      responseType = gov.steward.notification.v1.ListDeliveriesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.notification.v1.ListDeliveriesRequest,
      gov.steward.notification.v1.ListDeliveriesResponse> getListDeliveriesMethod() {
    io.grpc.MethodDescriptor<gov.steward.notification.v1.ListDeliveriesRequest, gov.steward.notification.v1.ListDeliveriesResponse> getListDeliveriesMethod;
    if ((getListDeliveriesMethod = NotificationServiceGrpc.getListDeliveriesMethod) == null) {
      synchronized (NotificationServiceGrpc.class) {
        if ((getListDeliveriesMethod = NotificationServiceGrpc.getListDeliveriesMethod) == null) {
          NotificationServiceGrpc.getListDeliveriesMethod = getListDeliveriesMethod =
              io.grpc.MethodDescriptor.<gov.steward.notification.v1.ListDeliveriesRequest, gov.steward.notification.v1.ListDeliveriesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListDeliveries"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.ListDeliveriesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.ListDeliveriesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NotificationServiceMethodDescriptorSupplier("ListDeliveries"))
              .build();
        }
      }
    }
    return getListDeliveriesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.notification.v1.ReplayDeliveriesRequest,
      gov.steward.notification.v1.ReplayDeliveriesResponse> getReplayDeliveriesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ReplayDeliveries",
      requestType = gov.steward.notification.v1.ReplayDeliveriesRequest.class,
      responseType = gov.steward.notification.v1.ReplayDeliveriesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.notification.v1.ReplayDeliveriesRequest,
      gov.steward.notification.v1.ReplayDeliveriesResponse> getReplayDeliveriesMethod() {
    io.grpc.MethodDescriptor<gov.steward.notification.v1.ReplayDeliveriesRequest, gov.steward.notification.v1.ReplayDeliveriesResponse> getReplayDeliveriesMethod;
    if ((getReplayDeliveriesMethod = NotificationServiceGrpc.getReplayDeliveriesMethod) == null) {
      synchronized (NotificationServiceGrpc.class) {
        if ((getReplayDeliveriesMethod = NotificationServiceGrpc.getReplayDeliveriesMethod) == null) {
          NotificationServiceGrpc.getReplayDeliveriesMethod = getReplayDeliveriesMethod =
              io.grpc.MethodDescriptor.<gov.steward.notification.v1.ReplayDeliveriesRequest, gov.steward.notification.v1.ReplayDeliveriesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ReplayDeliveries"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.ReplayDeliveriesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.ReplayDeliveriesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NotificationServiceMethodDescriptorSupplier("ReplayDeliveries"))
              .build();
        }
      }
    }
    return getReplayDeliveriesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.notification.v1.GetPreferencesRequest,
      gov.steward.notification.v1.GetPreferencesResponse> getGetPreferencesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "GetPreferences",
      requestType = gov.steward.notification.v1.GetPreferencesRequest.class,
      responseType = gov.steward.notification.v1.GetPreferencesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.notification.v1.GetPreferencesRequest,
      gov.steward.notification.v1.GetPreferencesResponse> getGetPreferencesMethod() {
    io.grpc.MethodDescriptor<gov.steward.notification.v1.GetPreferencesRequest, gov.steward.notification.v1.GetPreferencesResponse> getGetPreferencesMethod;
    if ((getGetPreferencesMethod = NotificationServiceGrpc.getGetPreferencesMethod) == null) {
      synchronized (NotificationServiceGrpc.class) {
        if ((getGetPreferencesMethod = NotificationServiceGrpc.getGetPreferencesMethod) == null) {
          NotificationServiceGrpc.getGetPreferencesMethod = getGetPreferencesMethod =
              io.grpc.MethodDescriptor.<gov.steward.notification.v1.GetPreferencesRequest, gov.steward.notification.v1.GetPreferencesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "GetPreferences"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.GetPreferencesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.GetPreferencesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NotificationServiceMethodDescriptorSupplier("GetPreferences"))
              .build();
        }
      }
    }
    return getGetPreferencesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.notification.v1.SetPreferencesRequest,
      gov.steward.notification.v1.SetPreferencesResponse> getSetPreferencesMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "SetPreferences",
      requestType = gov.steward.notification.v1.SetPreferencesRequest.class,
      responseType = gov.steward.notification.v1.SetPreferencesResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.notification.v1.SetPreferencesRequest,
      gov.steward.notification.v1.SetPreferencesResponse> getSetPreferencesMethod() {
    io.grpc.MethodDescriptor<gov.steward.notification.v1.SetPreferencesRequest, gov.steward.notification.v1.SetPreferencesResponse> getSetPreferencesMethod;
    if ((getSetPreferencesMethod = NotificationServiceGrpc.getSetPreferencesMethod) == null) {
      synchronized (NotificationServiceGrpc.class) {
        if ((getSetPreferencesMethod = NotificationServiceGrpc.getSetPreferencesMethod) == null) {
          NotificationServiceGrpc.getSetPreferencesMethod = getSetPreferencesMethod =
              io.grpc.MethodDescriptor.<gov.steward.notification.v1.SetPreferencesRequest, gov.steward.notification.v1.SetPreferencesResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "SetPreferences"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.SetPreferencesRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.SetPreferencesResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NotificationServiceMethodDescriptorSupplier("SetPreferences"))
              .build();
        }
      }
    }
    return getSetPreferencesMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.notification.v1.RegisterWebhookEndpointRequest,
      gov.steward.notification.v1.RegisterWebhookEndpointResponse> getRegisterWebhookEndpointMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RegisterWebhookEndpoint",
      requestType = gov.steward.notification.v1.RegisterWebhookEndpointRequest.class,
      responseType = gov.steward.notification.v1.RegisterWebhookEndpointResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.notification.v1.RegisterWebhookEndpointRequest,
      gov.steward.notification.v1.RegisterWebhookEndpointResponse> getRegisterWebhookEndpointMethod() {
    io.grpc.MethodDescriptor<gov.steward.notification.v1.RegisterWebhookEndpointRequest, gov.steward.notification.v1.RegisterWebhookEndpointResponse> getRegisterWebhookEndpointMethod;
    if ((getRegisterWebhookEndpointMethod = NotificationServiceGrpc.getRegisterWebhookEndpointMethod) == null) {
      synchronized (NotificationServiceGrpc.class) {
        if ((getRegisterWebhookEndpointMethod = NotificationServiceGrpc.getRegisterWebhookEndpointMethod) == null) {
          NotificationServiceGrpc.getRegisterWebhookEndpointMethod = getRegisterWebhookEndpointMethod =
              io.grpc.MethodDescriptor.<gov.steward.notification.v1.RegisterWebhookEndpointRequest, gov.steward.notification.v1.RegisterWebhookEndpointResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RegisterWebhookEndpoint"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.RegisterWebhookEndpointRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.RegisterWebhookEndpointResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NotificationServiceMethodDescriptorSupplier("RegisterWebhookEndpoint"))
              .build();
        }
      }
    }
    return getRegisterWebhookEndpointMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.notification.v1.ListWebhookEndpointsRequest,
      gov.steward.notification.v1.ListWebhookEndpointsResponse> getListWebhookEndpointsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListWebhookEndpoints",
      requestType = gov.steward.notification.v1.ListWebhookEndpointsRequest.class,
      responseType = gov.steward.notification.v1.ListWebhookEndpointsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.notification.v1.ListWebhookEndpointsRequest,
      gov.steward.notification.v1.ListWebhookEndpointsResponse> getListWebhookEndpointsMethod() {
    io.grpc.MethodDescriptor<gov.steward.notification.v1.ListWebhookEndpointsRequest, gov.steward.notification.v1.ListWebhookEndpointsResponse> getListWebhookEndpointsMethod;
    if ((getListWebhookEndpointsMethod = NotificationServiceGrpc.getListWebhookEndpointsMethod) == null) {
      synchronized (NotificationServiceGrpc.class) {
        if ((getListWebhookEndpointsMethod = NotificationServiceGrpc.getListWebhookEndpointsMethod) == null) {
          NotificationServiceGrpc.getListWebhookEndpointsMethod = getListWebhookEndpointsMethod =
              io.grpc.MethodDescriptor.<gov.steward.notification.v1.ListWebhookEndpointsRequest, gov.steward.notification.v1.ListWebhookEndpointsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListWebhookEndpoints"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.ListWebhookEndpointsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.ListWebhookEndpointsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new NotificationServiceMethodDescriptorSupplier("ListWebhookEndpoints"))
              .build();
        }
      }
    }
    return getListWebhookEndpointsMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static NotificationServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<NotificationServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<NotificationServiceStub>() {
        @java.lang.Override
        public NotificationServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new NotificationServiceStub(channel, callOptions);
        }
      };
    return NotificationServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static NotificationServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<NotificationServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<NotificationServiceBlockingV2Stub>() {
        @java.lang.Override
        public NotificationServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new NotificationServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return NotificationServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static NotificationServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<NotificationServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<NotificationServiceBlockingStub>() {
        @java.lang.Override
        public NotificationServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new NotificationServiceBlockingStub(channel, callOptions);
        }
      };
    return NotificationServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static NotificationServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<NotificationServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<NotificationServiceFutureStub>() {
        @java.lang.Override
        public NotificationServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new NotificationServiceFutureStub(channel, callOptions);
        }
      };
    return NotificationServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Notification (通知): every person or system who must act is told, on their channel, exactly
   * once. Deliveries, their dead letters, recipients' channel preferences and the webhook endpoints
   * of department systems and the 12345 system.
   * </pre>
   */
  public interface AsyncService {

    /**
     * <pre>
     * The region's deliveries, oldest first: all, about one subject (a case, an item, a complaint),
     * to one recipient, or in one status.
     * </pre>
     */
    default void listDeliveries(gov.steward.notification.v1.ListDeliveriesRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListDeliveriesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListDeliveriesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Puts dead-lettered deliveries (DELIVERY_STATUS_FAILED) back in the queue, for an operator once
     * the receiver is fixed: the ones named, or every dead letter of one recipient and channel. Each
     * goes again under its own id (the receiver's idempotency key), from attempt one.
     * </pre>
     */
    default void replayDeliveries(gov.steward.notification.v1.ReplayDeliveriesRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.ReplayDeliveriesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getReplayDeliveriesMethod(), responseObserver);
    }

    /**
     * <pre>
     * A recipient's contact points and channel choice. A person reads and sets their own; the
     * region's admins those of anyone in the region. Addresses are masked for other readers.
     * </pre>
     */
    default void getPreferences(gov.steward.notification.v1.GetPreferencesRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.GetPreferencesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getGetPreferencesMethod(), responseObserver);
    }

    /**
     */
    default void setPreferences(gov.steward.notification.v1.SetPreferencesRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.SetPreferencesResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getSetPreferencesMethod(), responseObserver);
    }

    /**
     * <pre>
     * Registers (or replaces) the webhook endpoint of a department system or of the 12345 system;
     * the signing secret is answered once, on registration.
     * </pre>
     */
    default void registerWebhookEndpoint(gov.steward.notification.v1.RegisterWebhookEndpointRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.RegisterWebhookEndpointResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRegisterWebhookEndpointMethod(), responseObserver);
    }

    /**
     */
    default void listWebhookEndpoints(gov.steward.notification.v1.ListWebhookEndpointsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListWebhookEndpointsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListWebhookEndpointsMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service NotificationService.
   * <pre>
   * Notification (通知): every person or system who must act is told, on their channel, exactly
   * once. Deliveries, their dead letters, recipients' channel preferences and the webhook endpoints
   * of department systems and the 12345 system.
   * </pre>
   */
  public static abstract class NotificationServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return NotificationServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service NotificationService.
   * <pre>
   * Notification (通知): every person or system who must act is told, on their channel, exactly
   * once. Deliveries, their dead letters, recipients' channel preferences and the webhook endpoints
   * of department systems and the 12345 system.
   * </pre>
   */
  public static final class NotificationServiceStub
      extends io.grpc.stub.AbstractAsyncStub<NotificationServiceStub> {
    private NotificationServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected NotificationServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new NotificationServiceStub(channel, callOptions);
    }

    /**
     * <pre>
     * The region's deliveries, oldest first: all, about one subject (a case, an item, a complaint),
     * to one recipient, or in one status.
     * </pre>
     */
    public void listDeliveries(gov.steward.notification.v1.ListDeliveriesRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListDeliveriesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListDeliveriesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Puts dead-lettered deliveries (DELIVERY_STATUS_FAILED) back in the queue, for an operator once
     * the receiver is fixed: the ones named, or every dead letter of one recipient and channel. Each
     * goes again under its own id (the receiver's idempotency key), from attempt one.
     * </pre>
     */
    public void replayDeliveries(gov.steward.notification.v1.ReplayDeliveriesRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.ReplayDeliveriesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getReplayDeliveriesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * A recipient's contact points and channel choice. A person reads and sets their own; the
     * region's admins those of anyone in the region. Addresses are masked for other readers.
     * </pre>
     */
    public void getPreferences(gov.steward.notification.v1.GetPreferencesRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.GetPreferencesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getGetPreferencesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void setPreferences(gov.steward.notification.v1.SetPreferencesRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.SetPreferencesResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getSetPreferencesMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Registers (or replaces) the webhook endpoint of a department system or of the 12345 system;
     * the signing secret is answered once, on registration.
     * </pre>
     */
    public void registerWebhookEndpoint(gov.steward.notification.v1.RegisterWebhookEndpointRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.RegisterWebhookEndpointResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRegisterWebhookEndpointMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     */
    public void listWebhookEndpoints(gov.steward.notification.v1.ListWebhookEndpointsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListWebhookEndpointsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListWebhookEndpointsMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service NotificationService.
   * <pre>
   * Notification (通知): every person or system who must act is told, on their channel, exactly
   * once. Deliveries, their dead letters, recipients' channel preferences and the webhook endpoints
   * of department systems and the 12345 system.
   * </pre>
   */
  public static final class NotificationServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<NotificationServiceBlockingV2Stub> {
    private NotificationServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected NotificationServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new NotificationServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     * <pre>
     * The region's deliveries, oldest first: all, about one subject (a case, an item, a complaint),
     * to one recipient, or in one status.
     * </pre>
     */
    public gov.steward.notification.v1.ListDeliveriesResponse listDeliveries(gov.steward.notification.v1.ListDeliveriesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListDeliveriesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Puts dead-lettered deliveries (DELIVERY_STATUS_FAILED) back in the queue, for an operator once
     * the receiver is fixed: the ones named, or every dead letter of one recipient and channel. Each
     * goes again under its own id (the receiver's idempotency key), from attempt one.
     * </pre>
     */
    public gov.steward.notification.v1.ReplayDeliveriesResponse replayDeliveries(gov.steward.notification.v1.ReplayDeliveriesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getReplayDeliveriesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A recipient's contact points and channel choice. A person reads and sets their own; the
     * region's admins those of anyone in the region. Addresses are masked for other readers.
     * </pre>
     */
    public gov.steward.notification.v1.GetPreferencesResponse getPreferences(gov.steward.notification.v1.GetPreferencesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getGetPreferencesMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.notification.v1.SetPreferencesResponse setPreferences(gov.steward.notification.v1.SetPreferencesRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getSetPreferencesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Registers (or replaces) the webhook endpoint of a department system or of the 12345 system;
     * the signing secret is answered once, on registration.
     * </pre>
     */
    public gov.steward.notification.v1.RegisterWebhookEndpointResponse registerWebhookEndpoint(gov.steward.notification.v1.RegisterWebhookEndpointRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRegisterWebhookEndpointMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.notification.v1.ListWebhookEndpointsResponse listWebhookEndpoints(gov.steward.notification.v1.ListWebhookEndpointsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListWebhookEndpointsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service NotificationService.
   * <pre>
   * Notification (通知): every person or system who must act is told, on their channel, exactly
   * once. Deliveries, their dead letters, recipients' channel preferences and the webhook endpoints
   * of department systems and the 12345 system.
   * </pre>
   */
  public static final class NotificationServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<NotificationServiceBlockingStub> {
    private NotificationServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected NotificationServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new NotificationServiceBlockingStub(channel, callOptions);
    }

    /**
     * <pre>
     * The region's deliveries, oldest first: all, about one subject (a case, an item, a complaint),
     * to one recipient, or in one status.
     * </pre>
     */
    public gov.steward.notification.v1.ListDeliveriesResponse listDeliveries(gov.steward.notification.v1.ListDeliveriesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListDeliveriesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Puts dead-lettered deliveries (DELIVERY_STATUS_FAILED) back in the queue, for an operator once
     * the receiver is fixed: the ones named, or every dead letter of one recipient and channel. Each
     * goes again under its own id (the receiver's idempotency key), from attempt one.
     * </pre>
     */
    public gov.steward.notification.v1.ReplayDeliveriesResponse replayDeliveries(gov.steward.notification.v1.ReplayDeliveriesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getReplayDeliveriesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * A recipient's contact points and channel choice. A person reads and sets their own; the
     * region's admins those of anyone in the region. Addresses are masked for other readers.
     * </pre>
     */
    public gov.steward.notification.v1.GetPreferencesResponse getPreferences(gov.steward.notification.v1.GetPreferencesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getGetPreferencesMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.notification.v1.SetPreferencesResponse setPreferences(gov.steward.notification.v1.SetPreferencesRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getSetPreferencesMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Registers (or replaces) the webhook endpoint of a department system or of the 12345 system;
     * the signing secret is answered once, on registration.
     * </pre>
     */
    public gov.steward.notification.v1.RegisterWebhookEndpointResponse registerWebhookEndpoint(gov.steward.notification.v1.RegisterWebhookEndpointRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRegisterWebhookEndpointMethod(), getCallOptions(), request);
    }

    /**
     */
    public gov.steward.notification.v1.ListWebhookEndpointsResponse listWebhookEndpoints(gov.steward.notification.v1.ListWebhookEndpointsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListWebhookEndpointsMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service NotificationService.
   * <pre>
   * Notification (通知): every person or system who must act is told, on their channel, exactly
   * once. Deliveries, their dead letters, recipients' channel preferences and the webhook endpoints
   * of department systems and the 12345 system.
   * </pre>
   */
  public static final class NotificationServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<NotificationServiceFutureStub> {
    private NotificationServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected NotificationServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new NotificationServiceFutureStub(channel, callOptions);
    }

    /**
     * <pre>
     * The region's deliveries, oldest first: all, about one subject (a case, an item, a complaint),
     * to one recipient, or in one status.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.notification.v1.ListDeliveriesResponse> listDeliveries(
        gov.steward.notification.v1.ListDeliveriesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListDeliveriesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Puts dead-lettered deliveries (DELIVERY_STATUS_FAILED) back in the queue, for an operator once
     * the receiver is fixed: the ones named, or every dead letter of one recipient and channel. Each
     * goes again under its own id (the receiver's idempotency key), from attempt one.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.notification.v1.ReplayDeliveriesResponse> replayDeliveries(
        gov.steward.notification.v1.ReplayDeliveriesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getReplayDeliveriesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * A recipient's contact points and channel choice. A person reads and sets their own; the
     * region's admins those of anyone in the region. Addresses are masked for other readers.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.notification.v1.GetPreferencesResponse> getPreferences(
        gov.steward.notification.v1.GetPreferencesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getGetPreferencesMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.notification.v1.SetPreferencesResponse> setPreferences(
        gov.steward.notification.v1.SetPreferencesRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getSetPreferencesMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Registers (or replaces) the webhook endpoint of a department system or of the 12345 system;
     * the signing secret is answered once, on registration.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.notification.v1.RegisterWebhookEndpointResponse> registerWebhookEndpoint(
        gov.steward.notification.v1.RegisterWebhookEndpointRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRegisterWebhookEndpointMethod(), getCallOptions()), request);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.notification.v1.ListWebhookEndpointsResponse> listWebhookEndpoints(
        gov.steward.notification.v1.ListWebhookEndpointsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListWebhookEndpointsMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_LIST_DELIVERIES = 0;
  private static final int METHODID_REPLAY_DELIVERIES = 1;
  private static final int METHODID_GET_PREFERENCES = 2;
  private static final int METHODID_SET_PREFERENCES = 3;
  private static final int METHODID_REGISTER_WEBHOOK_ENDPOINT = 4;
  private static final int METHODID_LIST_WEBHOOK_ENDPOINTS = 5;

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
        case METHODID_LIST_DELIVERIES:
          serviceImpl.listDeliveries((gov.steward.notification.v1.ListDeliveriesRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListDeliveriesResponse>) responseObserver);
          break;
        case METHODID_REPLAY_DELIVERIES:
          serviceImpl.replayDeliveries((gov.steward.notification.v1.ReplayDeliveriesRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.notification.v1.ReplayDeliveriesResponse>) responseObserver);
          break;
        case METHODID_GET_PREFERENCES:
          serviceImpl.getPreferences((gov.steward.notification.v1.GetPreferencesRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.notification.v1.GetPreferencesResponse>) responseObserver);
          break;
        case METHODID_SET_PREFERENCES:
          serviceImpl.setPreferences((gov.steward.notification.v1.SetPreferencesRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.notification.v1.SetPreferencesResponse>) responseObserver);
          break;
        case METHODID_REGISTER_WEBHOOK_ENDPOINT:
          serviceImpl.registerWebhookEndpoint((gov.steward.notification.v1.RegisterWebhookEndpointRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.notification.v1.RegisterWebhookEndpointResponse>) responseObserver);
          break;
        case METHODID_LIST_WEBHOOK_ENDPOINTS:
          serviceImpl.listWebhookEndpoints((gov.steward.notification.v1.ListWebhookEndpointsRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListWebhookEndpointsResponse>) responseObserver);
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
          getListDeliveriesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.notification.v1.ListDeliveriesRequest,
              gov.steward.notification.v1.ListDeliveriesResponse>(
                service, METHODID_LIST_DELIVERIES)))
        .addMethod(
          getReplayDeliveriesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.notification.v1.ReplayDeliveriesRequest,
              gov.steward.notification.v1.ReplayDeliveriesResponse>(
                service, METHODID_REPLAY_DELIVERIES)))
        .addMethod(
          getGetPreferencesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.notification.v1.GetPreferencesRequest,
              gov.steward.notification.v1.GetPreferencesResponse>(
                service, METHODID_GET_PREFERENCES)))
        .addMethod(
          getSetPreferencesMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.notification.v1.SetPreferencesRequest,
              gov.steward.notification.v1.SetPreferencesResponse>(
                service, METHODID_SET_PREFERENCES)))
        .addMethod(
          getRegisterWebhookEndpointMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.notification.v1.RegisterWebhookEndpointRequest,
              gov.steward.notification.v1.RegisterWebhookEndpointResponse>(
                service, METHODID_REGISTER_WEBHOOK_ENDPOINT)))
        .addMethod(
          getListWebhookEndpointsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.notification.v1.ListWebhookEndpointsRequest,
              gov.steward.notification.v1.ListWebhookEndpointsResponse>(
                service, METHODID_LIST_WEBHOOK_ENDPOINTS)))
        .build();
  }

  private static abstract class NotificationServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    NotificationServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return gov.steward.notification.v1.NotificationProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("NotificationService");
    }
  }

  private static final class NotificationServiceFileDescriptorSupplier
      extends NotificationServiceBaseDescriptorSupplier {
    NotificationServiceFileDescriptorSupplier() {}
  }

  private static final class NotificationServiceMethodDescriptorSupplier
      extends NotificationServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    NotificationServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (NotificationServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new NotificationServiceFileDescriptorSupplier())
              .addMethod(getListDeliveriesMethod())
              .addMethod(getReplayDeliveriesMethod())
              .addMethod(getGetPreferencesMethod())
              .addMethod(getSetPreferencesMethod())
              .addMethod(getRegisterWebhookEndpointMethod())
              .addMethod(getListWebhookEndpointsMethod())
              .build();
        }
      }
    }
    return result;
  }
}
