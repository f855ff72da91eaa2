package gov.steward.notification.v1;

import static io.grpc.MethodDescriptor.generateFullMethodName;

/**
 * <pre>
 * Follow-ups (回访) and good/bad reviews (好差评). After an item or a case completes, the
 * enterprise receives a tokenized link to rate it (HTTP: GET and POST /v1/reviews/{token}, the
 * token being the credential); without an answer it is invited once more after the configured
 * days. A bad review (1 or 2 of 5) opens a rectification (整改) for the responsible unit with a
 * deadline of 5-15 working days, and the service centre calls the enterprise back (回访) on every
 * one of them before it closes.
 * </pre>
 */
@io.grpc.stub.annotations.GrpcGenerated
public final class FollowUpServiceGrpc {

  private FollowUpServiceGrpc() {}

  public static final java.lang.String SERVICE_NAME = "steward.notification.v1.FollowUpService";

  // Static method descriptors that strictly reflect the proto.
  private static volatile io.grpc.MethodDescriptor<gov.steward.notification.v1.ListReviewsRequest,
      gov.steward.notification.v1.ListReviewsResponse> getListReviewsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListReviews",
      requestType = gov.steward.notification.v1.ListReviewsRequest.class,
      responseType = gov.steward.notification.v1.ListReviewsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.notification.v1.ListReviewsRequest,
      gov.steward.notification.v1.ListReviewsResponse> getListReviewsMethod() {
    io.grpc.MethodDescriptor<gov.steward.notification.v1.ListReviewsRequest, gov.steward.notification.v1.ListReviewsResponse> getListReviewsMethod;
    if ((getListReviewsMethod = FollowUpServiceGrpc.getListReviewsMethod) == null) {
      synchronized (FollowUpServiceGrpc.class) {
        if ((getListReviewsMethod = FollowUpServiceGrpc.getListReviewsMethod) == null) {
          FollowUpServiceGrpc.getListReviewsMethod = getListReviewsMethod =
              io.grpc.MethodDescriptor.<gov.steward.notification.v1.ListReviewsRequest, gov.steward.notification.v1.ListReviewsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListReviews"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.ListReviewsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.ListReviewsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FollowUpServiceMethodDescriptorSupplier("ListReviews"))
              .build();
        }
      }
    }
    return getListReviewsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.notification.v1.ListRectificationsRequest,
      gov.steward.notification.v1.ListRectificationsResponse> getListRectificationsMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "ListRectifications",
      requestType = gov.steward.notification.v1.ListRectificationsRequest.class,
      responseType = gov.steward.notification.v1.ListRectificationsResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.notification.v1.ListRectificationsRequest,
      gov.steward.notification.v1.ListRectificationsResponse> getListRectificationsMethod() {
    io.grpc.MethodDescriptor<gov.steward.notification.v1.ListRectificationsRequest, gov.steward.notification.v1.ListRectificationsResponse> getListRectificationsMethod;
    if ((getListRectificationsMethod = FollowUpServiceGrpc.getListRectificationsMethod) == null) {
      synchronized (FollowUpServiceGrpc.class) {
        if ((getListRectificationsMethod = FollowUpServiceGrpc.getListRectificationsMethod) == null) {
          FollowUpServiceGrpc.getListRectificationsMethod = getListRectificationsMethod =
              io.grpc.MethodDescriptor.<gov.steward.notification.v1.ListRectificationsRequest, gov.steward.notification.v1.ListRectificationsResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "ListRectifications"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.ListRectificationsRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.ListRectificationsResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FollowUpServiceMethodDescriptorSupplier("ListRectifications"))
              .build();
        }
      }
    }
    return getListRectificationsMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.notification.v1.RecordRectifiedRequest,
      gov.steward.notification.v1.RecordRectifiedResponse> getRecordRectifiedMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RecordRectified",
      requestType = gov.steward.notification.v1.RecordRectifiedRequest.class,
      responseType = gov.steward.notification.v1.RecordRectifiedResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.notification.v1.RecordRectifiedRequest,
      gov.steward.notification.v1.RecordRectifiedResponse> getRecordRectifiedMethod() {
    io.grpc.MethodDescriptor<gov.steward.notification.v1.RecordRectifiedRequest, gov.steward.notification.v1.RecordRectifiedResponse> getRecordRectifiedMethod;
    if ((getRecordRectifiedMethod = FollowUpServiceGrpc.getRecordRectifiedMethod) == null) {
      synchronized (FollowUpServiceGrpc.class) {
        if ((getRecordRectifiedMethod = FollowUpServiceGrpc.getRecordRectifiedMethod) == null) {
          FollowUpServiceGrpc.getRecordRectifiedMethod = getRecordRectifiedMethod =
              io.grpc.MethodDescriptor.<gov.steward.notification.v1.RecordRectifiedRequest, gov.steward.notification.v1.RecordRectifiedResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RecordRectified"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.RecordRectifiedRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.RecordRectifiedResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FollowUpServiceMethodDescriptorSupplier("RecordRectified"))
              .build();
        }
      }
    }
    return getRecordRectifiedMethod;
  }

  private static volatile io.grpc.MethodDescriptor<gov.steward.notification.v1.RecordCallBackRequest,
      gov.steward.notification.v1.RecordCallBackResponse> getRecordCallBackMethod;

  @io.grpc.stub.annotations.RpcMethod(
      fullMethodName = SERVICE_NAME + '/' + "RecordCallBack",
      requestType = gov.steward.notification.v1.RecordCallBackRequest.class,
      responseType = gov.steward.notification.v1.RecordCallBackResponse.class,
      methodType = io.grpc.MethodDescriptor.MethodType.UNARY)
  public static io.grpc.MethodDescriptor<gov.steward.notification.v1.RecordCallBackRequest,
      gov.steward.notification.v1.RecordCallBackResponse> getRecordCallBackMethod() {
    io.grpc.MethodDescriptor<gov.steward.notification.v1.RecordCallBackRequest, gov.steward.notification.v1.RecordCallBackResponse> getRecordCallBackMethod;
    if ((getRecordCallBackMethod = FollowUpServiceGrpc.getRecordCallBackMethod) == null) {
      synchronized (FollowUpServiceGrpc.class) {
        if ((getRecordCallBackMethod = FollowUpServiceGrpc.getRecordCallBackMethod) == null) {
          FollowUpServiceGrpc.getRecordCallBackMethod = getRecordCallBackMethod =
              io.grpc.MethodDescriptor.<gov.steward.notification.v1.RecordCallBackRequest, gov.steward.notification.v1.RecordCallBackResponse>newBuilder()
              .setType(io.grpc.MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(generateFullMethodName(SERVICE_NAME, "RecordCallBack"))
              .setSampledToLocalTracing(true)
              .setRequestMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.RecordCallBackRequest.getDefaultInstance()))
              .setResponseMarshaller(io.grpc.protobuf.ProtoUtils.marshaller(
                  gov.steward.notification.v1.RecordCallBackResponse.getDefaultInstance()))
              .setSchemaDescriptor(new FollowUpServiceMethodDescriptorSupplier("RecordCallBack"))
              .build();
        }
      }
    }
    return getRecordCallBackMethod;
  }

  /**
   * Creates a new async stub that supports all call types for the service
   */
  public static FollowUpServiceStub newStub(io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<FollowUpServiceStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<FollowUpServiceStub>() {
        @java.lang.Override
        public FollowUpServiceStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new FollowUpServiceStub(channel, callOptions);
        }
      };
    return FollowUpServiceStub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports all types of calls on the service
   */
  public static FollowUpServiceBlockingV2Stub newBlockingV2Stub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<FollowUpServiceBlockingV2Stub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<FollowUpServiceBlockingV2Stub>() {
        @java.lang.Override
        public FollowUpServiceBlockingV2Stub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new FollowUpServiceBlockingV2Stub(channel, callOptions);
        }
      };
    return FollowUpServiceBlockingV2Stub.newStub(factory, channel);
  }

  /**
   * Creates a new blocking-style stub that supports unary and streaming output calls on the service
   */
  public static FollowUpServiceBlockingStub newBlockingStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<FollowUpServiceBlockingStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<FollowUpServiceBlockingStub>() {
        @java.lang.Override
        public FollowUpServiceBlockingStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new FollowUpServiceBlockingStub(channel, callOptions);
        }
      };
    return FollowUpServiceBlockingStub.newStub(factory, channel);
  }

  /**
   * Creates a new ListenableFuture-style stub that supports unary calls on the service
   */
  public static FollowUpServiceFutureStub newFutureStub(
      io.grpc.Channel channel) {
    io.grpc.stub.AbstractStub.StubFactory<FollowUpServiceFutureStub> factory =
      new io.grpc.stub.AbstractStub.StubFactory<FollowUpServiceFutureStub>() {
        @java.lang.Override
        public FollowUpServiceFutureStub newStub(io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
          return new FollowUpServiceFutureStub(channel, callOptions);
        }
      };
    return FollowUpServiceFutureStub.newStub(factory, channel);
  }

  /**
   * <pre>
   * Follow-ups (回访) and good/bad reviews (好差评). After an item or a case completes, the
   * enterprise receives a tokenized link to rate it (HTTP: GET and POST /v1/reviews/{token}, the
   * token being the credential); without an answer it is invited once more after the configured
   * days. A bad review (1 or 2 of 5) opens a rectification (整改) for the responsible unit with a
   * deadline of 5-15 working days, and the service centre calls the enterprise back (回访) on every
   * one of them before it closes.
   * </pre>
   */
  public interface AsyncService {

    /**
     */
    default void listReviews(gov.steward.notification.v1.ListReviewsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListReviewsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListReviewsMethod(), responseObserver);
    }

    /**
     * <pre>
     * Rectifications of the region; a department (system or liaison) sees its own.
     * </pre>
     */
    default void listRectifications(gov.steward.notification.v1.ListRectificationsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListRectificationsResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getListRectificationsMethod(), responseObserver);
    }

    /**
     * <pre>
     * The responsible unit reports the rectification done.
     * </pre>
     */
    default void recordRectified(gov.steward.notification.v1.RecordRectifiedRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.RecordRectifiedResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRecordRectifiedMethod(), responseObserver);
    }

    /**
     * <pre>
     * The service centre's call-back (回访) after the rectification: closes it when the enterprise
     * is satisfied, reopens it otherwise.
     * </pre>
     */
    default void recordCallBack(gov.steward.notification.v1.RecordCallBackRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.RecordCallBackResponse> responseObserver) {
      io.grpc.stub.ServerCalls.asyncUnimplementedUnaryCall(getRecordCallBackMethod(), responseObserver);
    }
  }

  /**
   * Base class for the server implementation of the service FollowUpService.
   * <pre>
   * Follow-ups (回访) and good/bad reviews (好差评). After an item or a case completes, the
   * enterprise receives a tokenized link to rate it (HTTP: GET and POST /v1/reviews/{token}, the
   * token being the credential); without an answer it is invited once more after the configured
   * days. A bad review (1 or 2 of 5) opens a rectification (整改) for the responsible unit with a
   * deadline of 5-15 working days, and the service centre calls the enterprise back (回访) on every
   * one of them before it closes.
   * </pre>
   */
  public static abstract class FollowUpServiceImplBase
      implements io.grpc.BindableService, AsyncService {

    @java.lang.Override public final io.grpc.ServerServiceDefinition bindService() {
      return FollowUpServiceGrpc.bindService(this);
    }
  }

  /**
   * A stub to allow clients to do asynchronous rpc calls to service FollowUpService.
   * <pre>
   * Follow-ups (回访) and good/bad reviews (好差评). After an item or a case completes, the
   * enterprise receives a tokenized link to rate it (HTTP: GET and POST /v1/reviews/{token}, the
   * token being the credential); without an answer it is invited once more after the configured
   * days. A bad review (1 or 2 of 5) opens a rectification (整改) for the responsible unit with a
   * deadline of 5-15 working days, and the service centre calls the enterprise back (回访) on every
   * one of them before it closes.
   * </pre>
   */
  public static final class FollowUpServiceStub
      extends io.grpc.stub.AbstractAsyncStub<FollowUpServiceStub> {
    private FollowUpServiceStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected FollowUpServiceStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new FollowUpServiceStub(channel, callOptions);
    }

    /**
     */
    public void listReviews(gov.steward.notification.v1.ListReviewsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListReviewsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListReviewsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * Rectifications of the region; a department (system or liaison) sees its own.
     * </pre>
     */
    public void listRectifications(gov.steward.notification.v1.ListRectificationsRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListRectificationsResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getListRectificationsMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The responsible unit reports the rectification done.
     * </pre>
     */
    public void recordRectified(gov.steward.notification.v1.RecordRectifiedRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.RecordRectifiedResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRecordRectifiedMethod(), getCallOptions()), request, responseObserver);
    }

    /**
     * <pre>
     * The service centre's call-back (回访) after the rectification: closes it when the enterprise
     * is satisfied, reopens it otherwise.
     * </pre>
     */
    public void recordCallBack(gov.steward.notification.v1.RecordCallBackRequest request,
        io.grpc.stub.StreamObserver<gov.steward.notification.v1.RecordCallBackResponse> responseObserver) {
      io.grpc.stub.ClientCalls.asyncUnaryCall(
          getChannel().newCall(getRecordCallBackMethod(), getCallOptions()), request, responseObserver);
    }
  }

  /**
   * A stub to allow clients to do synchronous rpc calls to service FollowUpService.
   * <pre>
   * Follow-ups (回访) and good/bad reviews (好差评). After an item or a case completes, the
   * enterprise receives a tokenized link to rate it (HTTP: GET and POST /v1/reviews/{token}, the
   * token being the credential); without an answer it is invited once more after the configured
   * days. A bad review (1 or 2 of 5) opens a rectification (整改) for the responsible unit with a
   * deadline of 5-15 working days, and the service centre calls the enterprise back (回访) on every
   * one of them before it closes.
   * </pre>
   */
  public static final class FollowUpServiceBlockingV2Stub
      extends io.grpc.stub.AbstractBlockingStub<FollowUpServiceBlockingV2Stub> {
    private FollowUpServiceBlockingV2Stub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected FollowUpServiceBlockingV2Stub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new FollowUpServiceBlockingV2Stub(channel, callOptions);
    }

    /**
     */
    public gov.steward.notification.v1.ListReviewsResponse listReviews(gov.steward.notification.v1.ListReviewsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListReviewsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Rectifications of the region; a department (system or liaison) sees its own.
     * </pre>
     */
    public gov.steward.notification.v1.ListRectificationsResponse listRectifications(gov.steward.notification.v1.ListRectificationsRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getListRectificationsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The responsible unit reports the rectification done.
     * </pre>
     */
    public gov.steward.notification.v1.RecordRectifiedResponse recordRectified(gov.steward.notification.v1.RecordRectifiedRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRecordRectifiedMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The service centre's call-back (回访) after the rectification: closes it when the enterprise
     * is satisfied, reopens it otherwise.
     * </pre>
     */
    public gov.steward.notification.v1.RecordCallBackResponse recordCallBack(gov.steward.notification.v1.RecordCallBackRequest request) throws io.grpc.StatusException {
      return io.grpc.stub.ClientCalls.blockingV2UnaryCall(
          getChannel(), getRecordCallBackMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do limited synchronous rpc calls to service FollowUpService.
   * <pre>
   * Follow-ups (回访) and good/bad reviews (好差评). After an item or a case completes, the
   * enterprise receives a tokenized link to rate it (HTTP: GET and POST /v1/reviews/{token}, the
   * token being the credential); without an answer it is invited once more after the configured
   * days. A bad review (1 or 2 of 5) opens a rectification (整改) for the responsible unit with a
   * deadline of 5-15 working days, and the service centre calls the enterprise back (回访) on every
   * one of them before it closes.
   * </pre>
   */
  public static final class FollowUpServiceBlockingStub
      extends io.grpc.stub.AbstractBlockingStub<FollowUpServiceBlockingStub> {
    private FollowUpServiceBlockingStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected FollowUpServiceBlockingStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new FollowUpServiceBlockingStub(channel, callOptions);
    }

    /**
     */
    public gov.steward.notification.v1.ListReviewsResponse listReviews(gov.steward.notification.v1.ListReviewsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListReviewsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * Rectifications of the region; a department (system or liaison) sees its own.
     * </pre>
     */
    public gov.steward.notification.v1.ListRectificationsResponse listRectifications(gov.steward.notification.v1.ListRectificationsRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getListRectificationsMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The responsible unit reports the rectification done.
     * </pre>
     */
    public gov.steward.notification.v1.RecordRectifiedResponse recordRectified(gov.steward.notification.v1.RecordRectifiedRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRecordRectifiedMethod(), getCallOptions(), request);
    }

    /**
     * <pre>
     * The service centre's call-back (回访) after the rectification: closes it when the enterprise
     * is satisfied, reopens it otherwise.
     * </pre>
     */
    public gov.steward.notification.v1.RecordCallBackResponse recordCallBack(gov.steward.notification.v1.RecordCallBackRequest request) {
      return io.grpc.stub.ClientCalls.blockingUnaryCall(
          getChannel(), getRecordCallBackMethod(), getCallOptions(), request);
    }
  }

  /**
   * A stub to allow clients to do ListenableFuture-style rpc calls to service FollowUpService.
   * <pre>
   * Follow-ups (回访) and good/bad reviews (好差评). After an item or a case completes, the
   * enterprise receives a tokenized link to rate it (HTTP: GET and POST /v1/reviews/{token}, the
   * token being the credential); without an answer it is invited once more after the configured
   * days. A bad review (1 or 2 of 5) opens a rectification (整改) for the responsible unit with a
   * deadline of 5-15 working days, and the service centre calls the enterprise back (回访) on every
   * one of them before it closes.
   * </pre>
   */
  public static final class FollowUpServiceFutureStub
      extends io.grpc.stub.AbstractFutureStub<FollowUpServiceFutureStub> {
    private FollowUpServiceFutureStub(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      super(channel, callOptions);
    }

    @java.lang.Override
    protected FollowUpServiceFutureStub build(
        io.grpc.Channel channel, io.grpc.CallOptions callOptions) {
      return new FollowUpServiceFutureStub(channel, callOptions);
    }

    /**
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.notification.v1.ListReviewsResponse> listReviews(
        gov.steward.notification.v1.ListReviewsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListReviewsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * Rectifications of the region; a department (system or liaison) sees its own.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.notification.v1.ListRectificationsResponse> listRectifications(
        gov.steward.notification.v1.ListRectificationsRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getListRectificationsMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The responsible unit reports the rectification done.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.notification.v1.RecordRectifiedResponse> recordRectified(
        gov.steward.notification.v1.RecordRectifiedRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRecordRectifiedMethod(), getCallOptions()), request);
    }

    /**
     * <pre>
     * The service centre's call-back (回访) after the rectification: closes it when the enterprise
     * is satisfied, reopens it otherwise.
     * </pre>
     */
    public com.google.common.util.concurrent.ListenableFuture<gov.steward.notification.v1.RecordCallBackResponse> recordCallBack(
        gov.steward.notification.v1.RecordCallBackRequest request) {
      return io.grpc.stub.ClientCalls.futureUnaryCall(
          getChannel().newCall(getRecordCallBackMethod(), getCallOptions()), request);
    }
  }

  private static final int METHODID_LIST_REVIEWS = 0;
  private static final int METHODID_LIST_RECTIFICATIONS = 1;
  private static final int METHODID_RECORD_RECTIFIED = 2;
  private static final int METHODID_RECORD_CALL_BACK = 3;

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
        case METHODID_LIST_REVIEWS:
          serviceImpl.listReviews((gov.steward.notification.v1.ListReviewsRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListReviewsResponse>) responseObserver);
          break;
        case METHODID_LIST_RECTIFICATIONS:
          serviceImpl.listRectifications((gov.steward.notification.v1.ListRectificationsRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.notification.v1.ListRectificationsResponse>) responseObserver);
          break;
        case METHODID_RECORD_RECTIFIED:
          serviceImpl.recordRectified((gov.steward.notification.v1.RecordRectifiedRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.notification.v1.RecordRectifiedResponse>) responseObserver);
          break;
        case METHODID_RECORD_CALL_BACK:
          serviceImpl.recordCallBack((gov.steward.notification.v1.RecordCallBackRequest) request,
              (io.grpc.stub.StreamObserver<gov.steward.notification.v1.RecordCallBackResponse>) responseObserver);
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
          getListReviewsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.notification.v1.ListReviewsRequest,
              gov.steward.notification.v1.ListReviewsResponse>(
                service, METHODID_LIST_REVIEWS)))
        .addMethod(
          getListRectificationsMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.notification.v1.ListRectificationsRequest,
              gov.steward.notification.v1.ListRectificationsResponse>(
                service, METHODID_LIST_RECTIFICATIONS)))
        .addMethod(
          getRecordRectifiedMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.notification.v1.RecordRectifiedRequest,
              gov.steward.notification.v1.RecordRectifiedResponse>(
                service, METHODID_RECORD_RECTIFIED)))
        .addMethod(
          getRecordCallBackMethod(),
          io.grpc.stub.ServerCalls.asyncUnaryCall(
            new MethodHandlers<
              gov.steward.notification.v1.RecordCallBackRequest,
              gov.steward.notification.v1.RecordCallBackResponse>(
                service, METHODID_RECORD_CALL_BACK)))
        .build();
  }

  private static abstract class FollowUpServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoFileDescriptorSupplier, io.grpc.protobuf.ProtoServiceDescriptorSupplier {
    FollowUpServiceBaseDescriptorSupplier() {}

    @java.lang.Override
    public com.google.protobuf.Descriptors.FileDescriptor getFileDescriptor() {
      return gov.steward.notification.v1.FollowUpProto.getDescriptor();
    }

    @java.lang.Override
    public com.google.protobuf.Descriptors.ServiceDescriptor getServiceDescriptor() {
      return getFileDescriptor().findServiceByName("FollowUpService");
    }
  }

  private static final class FollowUpServiceFileDescriptorSupplier
      extends FollowUpServiceBaseDescriptorSupplier {
    FollowUpServiceFileDescriptorSupplier() {}
  }

  private static final class FollowUpServiceMethodDescriptorSupplier
      extends FollowUpServiceBaseDescriptorSupplier
      implements io.grpc.protobuf.ProtoMethodDescriptorSupplier {
    private final java.lang.String methodName;

    FollowUpServiceMethodDescriptorSupplier(java.lang.String methodName) {
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
      synchronized (FollowUpServiceGrpc.class) {
        result = serviceDescriptor;
        if (result == null) {
          serviceDescriptor = result = io.grpc.ServiceDescriptor.newBuilder(SERVICE_NAME)
              .setSchemaDescriptor(new FollowUpServiceFileDescriptorSupplier())
              .addMethod(getListReviewsMethod())
              .addMethod(getListRectificationsMethod())
              .addMethod(getRecordRectifiedMethod())
              .addMethod(getRecordCallBackMethod())
              .build();
        }
      }
    }
    return result;
  }
}
